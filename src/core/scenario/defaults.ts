/**
 * The scenario a new user starts from: the example inputs of NVIDIA's published TCO walkthrough ("LLM Inference
 * Benchmarking: How Much Does Your LLM Inference Cost?"), as editable example prices, never quotes.
 */
import type { HardwareProfile, Scenario } from '../model/scenario.ts';

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
