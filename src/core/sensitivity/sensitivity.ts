/**
 * Cost as a function of one SLA bound (docs/method.md §Sensitivity): sweep the bound of one constraint across the
 * measured range of its metric and report, per series, the operating point's capacity, the servers and
 * the cost per 1M tokens at each step. "What does relaxing TTFT from 200 ms to 500 ms save?"
 */
import type { SlaConstraint } from '../model/scenario.ts';
import type { LoadPoint } from '../model/benchmark.ts';
import type { OperatingPointResult } from '../analysis/operatingPoint.ts';
import type { ResolvedSeries } from '../analysis/series.ts';
import { resultAtOperatingPoint, seriesOperatingPoint } from '../report/seriesResult.ts';
import type { CostScenario, PickScenario, ResultScenario } from '../report/seriesResult.ts';
import { slaMetricValue } from '../analysis/metrics.ts';

export interface SensitivityCurve {
  seriesKey: string;
  seriesName: string;
  /** One entry per bound; null where the series cannot meet the SLA at that bound. */
  capacityPerInstance: Array<number | null>;
  servers: Array<number | null>;
  costPer1MTokensUsd: Array<number | null>;
  fleetYearUsd: Array<number | null>;
}

export interface Sensitivity {
  constraintIndex: number;
  bounds: number[];
  curves: SensitivityCurve[];
}

/** A swept range whose largest bound exceeds this many times its smallest (a decade) is log-spaced. */
export const LOG_SWEEP_SPAN = 10;

/** Whether a sweep from `min` to `max` is spaced on a log scale (and so drawn on a log axis). */
export function isLogSweep(min: number, max: number): boolean {
  return max / min > LOG_SWEEP_SPAN;
}

/**
 * `steps` evenly spaced bounds from the smallest to the largest value of the constraint's metric/stat
 * among the series' points (on a log scale when that range spans more than a decade).
 */
export function sensitivityBounds(points: readonly LoadPoint[], constraint: SlaConstraint, steps: number): number[] {
  const values = points
    .map((p) => slaMetricValue(p, constraint.metric, constraint.stat))
    .filter((v): v is number => v !== undefined && v > 0);
  if (values.length === 0 || steps < 1) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (steps === 1 || min === max) return [min];
  const log = isLogSweep(min, max);
  return Array.from({ length: steps }, (_, i) => {
    const t = i / (steps - 1);
    return log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
  });
}

/**
 * The expensive half of the sweep: each series' operating point at every bound. It depends on the points and the
 * SLA only, so prices, demand size and names never recompute it (sensitivityCosts joins those).
 */
export interface SensitivitySweep {
  constraintIndex: number;
  bounds: number[];
  /** Per series, in series order: the operating point at each bound. */
  picks: Array<{ seriesKey: string; atBound: OperatingPointResult[] }>;
}

export function sensitivitySweep(
  series: ReadonlyArray<Pick<ResolvedSeries, 'key' | 'points'>>,
  scenario: PickScenario,
  constraintIndex: number,
  steps = 100,
): SensitivitySweep {
  const constraint = scenario.sla[constraintIndex];
  if (!constraint) return { constraintIndex, bounds: [], picks: [] };
  const bounds = sensitivityBounds(
    series.flatMap((s) => s.points),
    constraint,
    steps,
  );
  // The scenario at each bound, built once for every series.
  const atBounds = bounds.map((bound) => ({
    ...scenario,
    sla: scenario.sla.map((c, i) => (i === constraintIndex ? { ...c, bound } : c)),
  }));
  const picks = series.map((s) => ({
    seriesKey: s.key,
    atBound: atBounds.map((at) => seriesOperatingPoint(s, at)),
  }));
  return { constraintIndex, bounds, picks };
}

/** The cheap half: servers and costs at each swept operating point, with the scenario's demand and prices. */
export function sensitivityCosts(
  sweep: SensitivitySweep,
  series: readonly ResolvedSeries[],
  scenario: CostScenario,
): Sensitivity {
  const { constraintIndex, bounds } = sweep;
  const byKey = new Map(sweep.picks.map((p) => [p.seriesKey, p.atBound]));
  // Only sizing and costs are read here: the SLA (for notes on derived values) is left out, not worked on 100 times.
  const { demand, apiReference, uptime, hardware } = scenario;
  const costScenario: CostScenario = { demand, apiReference, uptime, hardware };
  const curves = series.flatMap((s): SensitivityCurve[] => {
    const picks = byKey.get(s.key);
    if (!picks) return [];
    const curve: SensitivityCurve = {
      seriesKey: s.key,
      seriesName: s.name,
      capacityPerInstance: [],
      servers: [],
      costPer1MTokensUsd: [],
      fleetYearUsd: [],
    };
    for (const pick of picks) {
      const result = resultAtOperatingPoint(s, pick, costScenario);
      curve.capacityPerInstance.push(result.sizing?.capacityPerInstance ?? null);
      curve.servers.push(result.sizing?.servers ?? null);
      curve.costPer1MTokensUsd.push(result.costs?.costPer1MTokensUsd.value ?? null);
      curve.fleetYearUsd.push(result.costs?.fleetYearUsd ?? null);
    }
    return [curve];
  });
  return { constraintIndex, bounds, curves };
}

/** The whole sweep: operating points at each bound, then servers and costs there. */
export function sensitivity(
  series: readonly ResolvedSeries[],
  scenario: ResultScenario,
  constraintIndex: number,
  steps = 100,
): Sensitivity {
  return sensitivityCosts(sensitivitySweep(series, scenario, constraintIndex, steps), series, scenario);
}
