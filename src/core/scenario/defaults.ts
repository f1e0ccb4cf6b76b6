/**
 * The scenario a new user starts from: the example inputs of NVIDIA's published TCO walkthrough ("LLM Inference
 * Benchmarking: How Much Does Your LLM Inference Cost?"), as editable example prices, never quotes.
 */
import type { HardwareProfile, Scenario, SlaConstraint, SlaMetric } from '../model/scenario.ts';
import { SLA_METRICS } from '../model/scenario.ts';

export const EXAMPLE_HARDWARE: HardwareProfile = {
  id: 'dgx-h100',
  name: '8-GPU H100 server (example prices)',
  serverPriceUsd: 320_000,
  gpusPerServer: 8,
  depreciationYears: 4,
  licence: { usdPerYear: 4_500, basis: 'perGpu' },
  hostingUsdPerServerYear: 3_000,
  power: null,
  cloudUsdPerGpuHour: null,
};

export function defaultScenario(): Scenario {
  return {
    format: 'llm-tco-scenario',
    version: 1,
    sla: [{ metric: 'ttft', stat: 'avg', bound: 250 }],
    slaRule: { kind: 'statistic' },
    demand: { unit: 'requestsPerSecond', peak: 200, headroomPercent: 0, spareInstances: 0, averageToPeak: 1 },
    hardware: [structuredClone(EXAMPLE_HARDWARE)],
    apiReference: { usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 },
    currency: 'USD',
    defaults: { gpusPerInstance: 1, hardware: EXAMPLE_HARDWARE.id },
    series: [],
    uptime: 1,
    interpolate: false,
    view: { x: { metric: 'ttft', stat: 'avg' }, y: 'requestsPerSecondPerGpu', logX: false, logXAuto: true },
    points: [],
  };
}

/** The bound a new constraint starts with, per metric (ms; tokens/s for tokens/s per user): a target to edit. */
export const NEW_CONSTRAINT_BOUNDS: Readonly<Record<SlaMetric, number>> = {
  ttft: 500,
  itl: 50,
  tpot: 50,
  e2e: 10_000,
  tpsPerUser: 20,
};

/** The statistics a new constraint is offered on, in order. */
const NEW_CONSTRAINT_STATS = ['avg', 'p99', 'p90', 'p50'] as const;

/**
 * The constraint "Add constraint" offers: the first metric/statistic pair not in the SLA yet, statistics in the
 * order avg, p99, p90, p50 and metrics in SLA_METRICS order, with its NEW_CONSTRAINT_BOUNDS bound. Undefined when
 * all twenty pairs are in use.
 */
export function nextConstraint(sla: readonly SlaConstraint[]): SlaConstraint | undefined {
  for (const stat of NEW_CONSTRAINT_STATS) {
    for (const metric of SLA_METRICS) {
      const taken = sla.some((c) => c.metric === metric && c.stat === stat);
      if (!taken) return { metric, stat, bound: NEW_CONSTRAINT_BOUNDS[metric] };
    }
  }
  return undefined;
}
