/**
 * The operating point of one series under an SLA (docs/method.md §Operating point, §Interpolation).
 *
 * 1. Feasible = every constraint holds (unknown ≠ feasible).
 * 2. Pick the feasible point with the highest capacity per instance in the demand's unit
 *    (requests/s, output tokens/s, or concurrency); ties go to the lower load.
 * 3. None feasible → the series cannot meet the SLA, with the reason.
 * 4. Optionally (off by default), interpolate between a feasible load level and the next one when that is
 *    infeasible: where the binding constraint crosses its bound, linearly along load (monotone between the two
 *    measured levels), with every metric and the capacity interpolated there. Such a point is an estimate.
 * 5. Under the goodput rule, step 1 reads "at least minPercent % of the level's requests are good" (goodput.ts);
 *    measured levels only (no interpolation: a share of good requests is not a statistic to interpolate along).
 */
import type { Distribution, LoadPoint, Stat } from '../model/benchmark.ts';
import { DISTRIBUTION_FIELDS } from '../model/benchmark.ts';
import { reportedStats } from './reportedStats.ts';
import type { DemandUnit, SlaConstraint, SlaRule } from '../model/scenario.ts';
import type { Feasibility } from './feasibility.ts';
import { checkPoint, describeConstraint, feasibilityStatus, goodputStatus } from './feasibility.ts';
import { pointGoodput, prepareSla } from './goodput.ts';
import { formatNumber } from '../format/numbers.ts';
import type { Capacity } from './metrics.ts';
import { SLA_METRIC_INFO, capacityOf, describeLoad, loadValue, slaMetricValue } from './metrics.ts';

export interface OperatingPoint {
  /** The measured point, or for an estimate a point built by interpolation (its id says between which). */
  point: LoadPoint;
  capacity: Capacity;
  interpolated: boolean;
  /** For an estimate: the two measured points and the fraction of the way from the first to the second. */
  between?: { lowerId: string; upperId: string; fraction: number; binding: SlaConstraint };
}

/**
 * `notInFiles`: no load level fails a constraint it reports, but none reports everything the SLA asks for
 * (e.g. TTFT avg over files that carry only p99): the SLA cannot be checked, which is not failing it.
 */
export type OperatingPointResult =
  { meetsSla: true; operatingPoint: OperatingPoint } | { meetsSla: false; reason: string; notInFiles: boolean };

type Status = Feasibility['status'];

export interface PickOptions {
  interpolate: boolean;
  /** Default: the statistic rule. */
  rule?: SlaRule;
}

/** Points sorted by load (concurrency, else request rate), stable for equal loads. */
export function sortByLoad(points: readonly LoadPoint[]): LoadPoint[] {
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => loadValue(a.point) - loadValue(b.point) || a.index - b.index)
    .map((e) => e.point);
}

// A series' points are picked from again and again (every drag frame, 100 bounds of a sensitivity sweep) as the same
// array, never changed in place: its sorted copy is kept beside it instead of sorting it each time.
const sortedCache = new WeakMap<readonly LoadPoint[], LoadPoint[]>();
function sortedByLoad(points: readonly LoadPoint[]): LoadPoint[] {
  let sorted = sortedCache.get(points);
  if (sorted === undefined) {
    sorted = sortByLoad(points);
    sortedCache.set(points, sorted);
  }
  return sorted;
}

export function pickOperatingPoint(
  points: readonly LoadPoint[],
  sla: readonly SlaConstraint[],
  capacityUnit: DemandUnit,
  options: PickOptions = { interpolate: false },
): OperatingPointResult {
  const sorted = sortedByLoad(points);
  const rule = options.rule ?? { kind: 'statistic' };
  const prepared = rule.kind === 'goodput' ? prepareSla(sla) : undefined;
  const statuses = sorted.map((p) =>
    prepared && rule.kind === 'goodput' ? goodputStatus(p, prepared, rule.minPercent) : feasibilityStatus(p, sla),
  );

  let best: OperatingPoint | undefined;
  sorted.forEach((point, i) => {
    if (statuses[i] !== 'feasible') return;
    const capacity = capacityOf(point, capacityUnit);
    if (capacity === undefined) return;
    // Strictly greater: at equal capacity the earlier (lower-load) point stays.
    if (best === undefined || capacity.value > best.capacity.value) best = { point, capacity, interpolated: false };
  });

  if (options.interpolate && rule.kind === 'statistic') {
    const estimate = interpolateAtBound(sorted, statuses, sla, capacityUnit);
    if (estimate && (best === undefined || estimate.capacity.value > best.capacity.value)) best = estimate;
  }

  if (best) return { meetsSla: true, operatingPoint: best };
  const notInFiles = statuses.length > 0 && statuses.every((s) => s === 'unknown');
  const reason =
    rule.kind === 'goodput'
      ? explainNoGoodLevel(sorted, sla, rule.minPercent, statuses, capacityUnit)
      : explainNoFeasiblePoint(sorted, sla, capacityUnit);
  return { meetsSla: false, reason, notInFiles };
}

/** Why no level has enough good requests: the best share measured, or what per-request data is missing. */
function explainNoGoodLevel(
  sorted: LoadPoint[],
  sla: readonly SlaConstraint[],
  minPercent: number,
  statuses: Status[],
  capacityUnit: DemandUnit,
): string {
  if (sorted.length === 0) return 'no measured points';
  if (statuses.some((s) => s === 'feasible')) {
    return (
      `the load levels with ${formatNumber(minPercent)}% good requests ` +
      `do not report the capacity in ${capacityUnit}`
    );
  }
  const prepared = prepareSla(sla);
  let best: { percent: number; point: LoadPoint } | undefined;
  const unknown = new Set<string>();
  for (const point of sorted) {
    const g = pointGoodput(point, prepared);
    if (!g.known) unknown.add(g.reason);
    else if (best === undefined || g.percent > best.percent) best = { percent: g.percent, point };
  }
  if (best === undefined) return `the goodput rule needs per-request data: ${[...unknown].join('; ')}`;
  const bestText = `best ${formatNumber(best.percent)}% at ${describeLoad(best.point)}`;
  const parts = [`no load level has ${formatNumber(minPercent)}% good requests (${bestText})`];
  if (unknown.size > 0) parts.push(`some levels cannot be checked: ${[...unknown].join('; ')}`);
  return parts.join('; ');
}

/**
 * The best estimate over every step from a feasible load level to the next level when that one is infeasible
 * (not merely unknown) and reports every constrained stat. On a monotone sweep that is the single step past the
 * last feasible level; on a noisy one, a later step can hold a better estimate, and looking at every step keeps
 * "loosening an SLA never lowers the capacity" true.
 */
function interpolateAtBound(
  sorted: LoadPoint[],
  statuses: Status[],
  sla: readonly SlaConstraint[],
  capacityUnit: DemandUnit,
): OperatingPoint | undefined {
  let best: OperatingPoint | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (statuses[i] !== 'feasible' || statuses[i + 1] !== 'infeasible') continue;
    const estimate = estimateBetween(sorted[i]!, sorted[i + 1]!, sla, capacityUnit);
    if (estimate && (best === undefined || estimate.capacity.value > best.capacity.value)) best = estimate;
  }
  return best;
}

/** Where between a feasible `lower` and an infeasible `upper` the first constraint reaches its bound. */
function estimateBetween(
  lower: LoadPoint,
  upper: LoadPoint,
  sla: readonly SlaConstraint[],
  capacityUnit: DemandUnit,
): OperatingPoint | undefined {
  if (loadValue(upper) <= loadValue(lower)) return undefined; // duplicate load levels: nothing to interpolate along
  let fraction = 1;
  let binding: SlaConstraint | undefined;
  for (const constraint of sla) {
    const a = slaMetricValue(lower, constraint.metric, constraint.stat);
    const b = slaMetricValue(upper, constraint.metric, constraint.stat);
    // Every constraint must be known at both ends: one the upper level does not report could be broken
    // anywhere in between, and an estimate must never rest on an unknown (docs/method.md §Feasibility).
    if (a === undefined || b === undefined) return undefined;
    if (a === b) continue;
    const t = (constraint.bound - a) / (b - a);
    // Only constraints that hold at `lower` and fail at `upper` cross inside the interval; a crossing a hair
    // below `upper` can round to t = 1, which still belongs to the interval.
    if (t >= 0 && t <= 1 && t <= fraction) {
      fraction = t;
      binding = constraint;
    }
  }
  if (binding === undefined || fraction <= 0) return undefined;
  // Stay strictly inside: at t = 1 the estimate would be the infeasible upper level itself.
  fraction = Math.min(fraction, 1 - 1e-12);
  const capacityLower = capacityOf(lower, capacityUnit);
  const capacityUpper = capacityOf(upper, capacityUnit);
  if (capacityLower === undefined || capacityUpper === undefined) return undefined;
  const point = interpolatePoint(lower, upper, fraction, binding);
  // The capacity of the point reported: a measured one interpolates with it; one derived by Little's law
  // (concurrent requests of a request-rate run) is the estimate's own req/s × mean E2E. Where throughput
  // collapses between the levels, that product can leave the range of its neighbours: no estimate then.
  const capacity = capacityOf(point, capacityUnit);
  if (capacity === undefined) return undefined;
  const tolerance = 1e-9 * Math.max(capacityLower.value, capacityUpper.value);
  if (capacity.value > Math.max(capacityLower.value, capacityUpper.value) + tolerance) return undefined;
  if (capacity.value < Math.min(capacityLower.value, capacityUpper.value) - tolerance) return undefined;
  return { point, capacity, interpolated: true, between: { lowerId: lower.id, upperId: upper.id, fraction, binding } };
}

function lerp(a: number | undefined, b: number | undefined, t: number): number | undefined {
  return a === undefined || b === undefined ? undefined : a + (b - a) * t;
}

function lerpDistribution(a: Distribution, b: Distribution, t: number): Distribution {
  const out: Distribution = {};
  for (const stat of Object.keys(a) as Stat[]) {
    const value = lerp(a[stat], b[stat], t);
    if (value !== undefined) out[stat] = value;
  }
  return out;
}

/** A point `t` of the way from `a` to `b` along load; every metric linearly interpolated. */
export function interpolatePoint(a: LoadPoint, b: LoadPoint, t: number, binding: SlaConstraint): LoadPoint {
  const point: LoadPoint = {
    ...a,
    id: `${a.id} ~ ${b.id} @ ${t.toFixed(4)}`,
    sources: [...a.sources, ...b.sources],
    load: { origin: a.load.origin },
    notes: [
      `Estimate: interpolated ${(t * 100).toFixed(1)}% of the way from ${describeLoad(a)} to ${describeLoad(b)}, ` +
        `where ${describeConstraint(binding)} is reached.`,
    ],
  };
  for (const key of DISTRIBUTION_FIELDS) point[key] = lerpDistribution(a[key], b[key], t);
  const concurrency = lerp(a.load.concurrency, b.load.concurrency, t);
  if (concurrency !== undefined) point.load.concurrency = concurrency;
  const requestRate = lerp(a.load.requestRate, b.load.requestRate, t);
  if (requestRate !== undefined) point.load.requestRate = requestRate;
  for (const key of ['outputTokensPerSecond', 'requestsPerSecond', 'inputTokensPerSecond'] as const) {
    // Rates interpolate; counts and durations belong to one run and are dropped below.
    const value = lerp(a[key], b[key], t);
    if (value === undefined) delete point[key];
    else point[key] = value;
  }
  for (const key of ['requestCount', 'errorCount', 'durationS'] as const) delete point[key];
  delete point.requests; // the requests of one measured run are not those of an estimate
  return point;
}

/** Why no point qualifies, from the full per-constraint checks (built only on this, the rare path). */
function explainNoFeasiblePoint(sorted: LoadPoint[], sla: readonly SlaConstraint[], capacityUnit: DemandUnit): string {
  if (sorted.length === 0) return 'no measured points';
  const feasibility = sorted.map((p) => checkPoint(p, sla));
  const unknown = new Set<string>();
  let failingAtLowest: string | undefined;
  feasibility.forEach((f, i) => {
    for (const check of f.checks) {
      if (check.status === 'unknown') unknown.add(`${check.constraint.metric} ${check.constraint.stat}`);
    }
    if (i === 0) {
      const failed = f.checks.filter((c) => c.status === 'fail');
      if (failed.length > 0) {
        failingAtLowest = failed
          .map((c) => `${describeConstraint(c.constraint)} but measured ${round(c.value ?? 0)}`)
          .join('; ');
      }
    }
  });
  const feasibleWithoutCapacity = feasibility.some((f) => f.status === 'feasible');
  if (feasibleWithoutCapacity) return `the feasible points do not report the capacity in ${capacityUnit}`;
  if (feasibility.every((f) => f.status === 'unknown')) {
    // Nothing failed: what is missing is the statistic itself. Say which ones the files do have.
    const missing = sla.filter((c) => sorted.every((p) => slaMetricValue(p, c.metric, c.stat) === undefined));
    return missing
      .map((c) => {
        const label = `${SLA_METRIC_INFO[c.metric].label} ${c.stat}`;
        const has = [...reportedStats(sorted, c.metric)];
        return `${label} is not in the files${has.length > 0 ? ` (they report ${has.join(', ')})` : ''}`;
      })
      .concat(missing.length === 0 ? ['no load level reports every constrained statistic'] : [])
      .join('; ');
  }
  const parts: string[] = [];
  if (failingAtLowest !== undefined && sorted[0])
    parts.push(`even at the lowest load (${describeLoad(sorted[0])}) ${failingAtLowest}`);
  else parts.push('no measured load level meets every constraint');
  if (unknown.size > 0)
    parts.push(`the files do not report ${[...unknown].join(', ')}, so those constraints cannot be checked`);
  return parts.join('; ');
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toPrecision(2);
}
