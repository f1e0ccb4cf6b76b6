/**
 * When no configuration meets the SLA: which constraint binds, and how far it would have to move.
 *
 * For each constraint alone (the others as set), the bound that first lets a measured load level of some
 * series qualify: a level qualifies once every other constraint passes there, it reports this constraint's
 * statistic and a capacity in the demand's unit (> 0). For an upper bound (latency) that bound is the
 * smallest such level's value; for a lower bound (tokens/s per user) the largest. This is the point where the
 * cost-vs-SLA sweep (sensitivity.ts) first has a value, computed exactly rather than on the sweep's grid.
 * The binding constraint is the one needing the smallest relative change.
 */
import { describeConstraint, feasibilityStatus } from '../analysis/feasibility.ts';
import { SLA_METRIC_INFO, capacityOf, describeLoad, slaMetricValue } from '../analysis/metrics.ts';
import type { ResolvedSeries } from '../analysis/series.ts';
import { formatNumber } from '../format/numbers.ts';
import type { LoadPoint } from '../model/benchmark.ts';
import type { DemandUnit, SlaConstraint } from '../model/scenario.ts';

export interface Relaxation {
  constraintIndex: number;
  constraint: SlaConstraint;
  /** Null when relaxing this constraint alone lets no load level qualify. */
  needed: { bound: number; seriesKey: string; seriesName: string; point: LoadPoint } | null;
  /** |needed − bound| ÷ bound; Infinity when `needed` is null. */
  relativeChange: number;
}

export function relaxations(
  series: readonly ResolvedSeries[],
  sla: readonly SlaConstraint[],
  unit: DemandUnit,
): Relaxation[] {
  return sla.map((constraint, constraintIndex) => {
    const others = sla.filter((_, i) => i !== constraintIndex);
    const upper = SLA_METRIC_INFO[constraint.metric].direction === 'upper';
    let needed: Relaxation['needed'] = null;
    for (const s of series) {
      for (const point of s.points) {
        const value = slaMetricValue(point, constraint.metric, constraint.stat);
        if (value === undefined || !((capacityOf(point, unit)?.value ?? 0) > 0)) continue;
        if (feasibilityStatus(point, others) !== 'feasible') continue;
        if (needed === null || (upper ? value < needed.bound : value > needed.bound)) {
          needed = { bound: value, seriesKey: s.key, seriesName: s.name, point };
        }
      }
    }
    const relativeChange = needed === null ? Infinity : Math.abs(needed.bound - constraint.bound) / constraint.bound;
    return { constraintIndex, constraint, needed, relativeChange };
  });
}

/** The constraint to relax first (smallest relative change), or undefined when no single one suffices. */
export function bindingRelaxation(list: readonly Relaxation[]): Relaxation | undefined {
  return list.filter((r) => r.needed !== null).sort((a, b) => a.relativeChange - b.relativeChange)[0];
}

/**
 * The needed bound as shown: three significant digits, rounded the way that still admits the level (up for an
 * upper bound, down for a lower one), so that typing the shown value really makes it qualify.
 */
export function displayBound(needed: number, constraint: Pick<SlaConstraint, 'metric'>): number {
  if (!(needed > 0)) return needed;
  const step = 10 ** (Math.floor(Math.log10(needed)) - 2);
  const scaled = needed / step;
  // Tolerate binary noise (24.6 stored as 24.600000000000001 must not become 24.7).
  const upper = SLA_METRIC_INFO[constraint.metric].direction === 'upper';
  const rounded = upper ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  return Number((rounded * step).toPrecision(12));
}

/** "TTFT avg ≤ 10 ms → ≤ 24.7 ms (+147 %): Llama TP1 then qualifies at concurrency 1" */
export function describeRelaxation(r: Relaxation): string {
  if (r.needed === null) return `relaxing ${describeConstraint(r.constraint)} alone is not enough`;
  const info = SLA_METRIC_INFO[r.constraint.metric];
  const bound = displayBound(r.needed.bound, r.constraint);
  const sign = bound >= r.constraint.bound ? '+' : '−';
  const percent = formatNumber((Math.abs(bound - r.constraint.bound) / r.constraint.bound) * 100, 0);
  const relation = info.direction === 'upper' ? '≤' : '≥';
  const change = `${relation} ${formatNumber(bound)} ${info.unit} (${sign}${percent} %)`;
  const then = `${r.needed.seriesName} then qualifies at ${describeLoad(r.needed.point)}`;
  return `${describeConstraint(r.constraint)} → ${change}: ${then}`;
}
