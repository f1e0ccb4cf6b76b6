/**
 * Goodput against the user's SLA (docs/method.md §Goodput rule): a request is good when it completed without
 * error and each of its own values meets every constraint (latencies ≤ bound, tokens/s per user ≥ bound; the
 * statistic of a constraint plays no part, so two constraints on one metric mean its tighter bound). Per point:
 *   good share = good requests ÷ all requests (failed ones included), in percent;
 *   good requests/s = requests/s × good ÷ completed (the good completions per second, as vLLM and AIPerf count
 *   goodput: requests/s counts completed requests).
 *
 * Dragging a bound recounts every point each frame, so the count is a binary search on the sorted column of the
 * dragged metric. With several constrained metrics, the requests that meet the other bounds are filtered once
 * (cached per point while those bounds stay) and the dragged bound is searched in what is left.
 */
import type { LoadPoint } from '../model/benchmark.ts';
import type { RequestSamples, SampleColumn, SampleField } from '../model/requestSamples.ts';
import type { SlaConstraint } from '../model/scenario.ts';
import { SLA_METRIC_FIELD, SLA_METRIC_INFO } from './metrics.ts';

export interface Bound {
  field: SampleField;
  bound: number;
  /** True for an upper bound (latencies), false for a lower one (tokens/s per user). */
  upper: boolean;
}

/** The SLA as per-request bounds: one per metric (the tightest), with cache keys. Prepare once per SLA. */
export interface PreparedSla {
  bounds: Bound[];
  /** `othersKey[i]`: the bounds other than `bounds[i]`, as text (a filtered column stays valid while it is equal). */
  othersKey: string[];
  key: string;
}

export function prepareSla(sla: readonly SlaConstraint[]): PreparedSla {
  const byField = new Map<SampleField, Bound>();
  for (const constraint of sla) {
    const field = SLA_METRIC_FIELD[constraint.metric];
    const upper = SLA_METRIC_INFO[constraint.metric].direction === 'upper';
    const current = byField.get(field);
    if (current === undefined || (upper ? constraint.bound < current.bound : constraint.bound > current.bound)) {
      byField.set(field, { field, bound: constraint.bound, upper });
    }
  }
  const bounds = [...byField.values()].sort((a, b) => (a.field < b.field ? -1 : 1));
  const text = (b: Bound) => `${b.field}${b.upper ? '<=' : '>='}${b.bound}`;
  const othersKey = bounds.map((_, i) =>
    bounds
      .filter((__, j) => j !== i)
      .map(text)
      .join('&'),
  );
  return { bounds, othersKey, key: bounds.map(text).join('&') };
}

/** Entries of ascending `sorted` that are ≤ bound (upper) or ≥ bound (lower). */
export function countMeeting(sorted: Float64Array, bound: number, upper: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  // First index whose value is > bound (upper) or ≥ bound (lower).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? 0;
    if (upper ? v <= bound : v < bound) lo = mid + 1;
    else hi = mid;
  }
  return upper ? lo : sorted.length - lo;
}

function meets(value: number, b: Bound): boolean {
  return b.upper ? value <= b.bound : value >= b.bound;
}

interface Filtered {
  othersKey: string;
  /** The sorted values of this column among the completed requests that meet every other bound. */
  sorted: Float64Array;
}

interface CountCache {
  filtered: Map<SampleField, Filtered>;
  lastKey: string;
  lastCount: number;
  lastBounds: Bound[];
}

// Keyed by the columns object, which parsing creates once per file: merging runs into points copies the samples
// record but shares its columns, so the cache survives every rebuild of the points.
const caches = new WeakMap<object, CountCache>();

function filterColumn(
  column: SampleColumn,
  others: readonly Bound[],
  columns: RequestSamples['columns'],
): Float64Array {
  const { order, sorted } = column;
  const out = new Float64Array(sorted.length);
  let n = 0;
  if (others.length === 1) {
    // The common case (two constrained metrics), without the inner loop: ~2,000 requests in a few microseconds.
    const other = others[0] as Bound;
    const values = columns[other.field]?.values ?? new Float64Array(0);
    const bound = other.bound;
    for (let k = 0; k < order.length; k++) {
      const v = values[order[k] as number] as number;
      if (other.upper ? v <= bound : v >= bound) out[n++] = sorted[k] as number;
    }
    return out.subarray(0, n);
  }
  const otherValues = others.map((b) => columns[b.field]?.values ?? new Float64Array(0));
  for (let k = 0; k < order.length; k++) {
    const r = order[k] as number;
    let good = true;
    for (let j = 0; j < others.length && good; j++) good = meets(otherValues[j]![r] as number, others[j] as Bound);
    if (good) out[n++] = sorted[k] as number;
  }
  return out.subarray(0, n);
}

/**
 * Requests that completed and meet every bound; undefined when a constrained metric has no per-request values
 * (the file does not measure it). With no constraint, every completed request is good; when every request failed,
 * none is (a level where nothing completed has 0 % goodput, not an unknown one).
 */
export function goodCount(samples: RequestSamples, prepared: PreparedSla): number | undefined {
  const { bounds } = prepared;
  if (samples.okCount === 0) return 0;
  for (const b of bounds) if (samples.columns[b.field] === undefined) return undefined;
  if (bounds.length === 0) return samples.okCount;
  if (bounds.length === 1) {
    const b = bounds[0] as Bound;
    return countMeeting((samples.columns[b.field] as SampleColumn).sorted, b.bound, b.upper);
  }
  let cache = caches.get(samples.columns);
  if (cache === undefined) {
    cache = { filtered: new Map(), lastKey: '', lastCount: 0, lastBounds: [] };
    caches.set(samples.columns, cache);
  }
  if (cache.lastKey === prepared.key) return cache.lastCount;
  let index = bounds.findIndex((b, i) => cache.filtered.get(b.field)?.othersKey === prepared.othersKey[i]);
  if (index < 0) {
    // Filter for the bound that moved since the last count (the one being dragged); the first when several did.
    const last = cache.lastBounds;
    const moved = bounds
      .map((b, i) => (last[i]?.field === b.field && last[i]?.bound === b.bound ? -1 : i))
      .filter((i) => i >= 0);
    index = moved.length === 1 && last.length === bounds.length ? (moved[0] ?? 0) : 0;
    const b = bounds[index] as Bound;
    const others = bounds.filter((_, j) => j !== index);
    const sorted = filterColumn(samples.columns[b.field] as SampleColumn, others, samples.columns);
    cache.filtered.set(b.field, { othersKey: prepared.othersKey[index] ?? '', sorted });
  }
  const b = bounds[index] as Bound;
  const count = countMeeting((cache.filtered.get(b.field) as Filtered).sorted, b.bound, b.upper);
  cache.lastKey = prepared.key;
  cache.lastCount = count;
  cache.lastBounds = bounds;
  return count;
}

export type PointGoodput =
  | {
      known: true;
      good: number;
      total: number;
      completed: number;
      percent: number;
      requestsPerSecond: number | undefined;
    }
  | { known: false; reason: string };

/** A point's goodput against the SLA, or why it cannot be computed. */
export function pointGoodput(point: LoadPoint, prepared: PreparedSla): PointGoodput {
  const samples = point.requests;
  if (samples === undefined) {
    return { known: false, reason: 'no per-request data (load the per-request file of this run)' };
  }
  if (samples.count === 0) return { known: false, reason: 'the per-request file holds no request' };
  const good = goodCount(samples, prepared);
  if (good === undefined) {
    const missing = prepared.bounds.filter((b) => samples.columns[b.field] === undefined).map((b) => b.field);
    return { known: false, reason: `the per-request data has no ${missing.map(fieldLabel).join(', ')}` };
  }
  const percent = (good / samples.count) * 100;
  const rps = point.requestsPerSecond;
  // Good req/s = req/s × good ÷ completed (the tools' throughput counts completed requests); none completed → 0.
  const requestsPerSecond = rps === undefined ? undefined : samples.okCount === 0 ? 0 : (rps * good) / samples.okCount;
  return { known: true, good, total: samples.count, completed: samples.okCount, percent, requestsPerSecond };
}

function fieldLabel(field: SampleField): string {
  const metrics = Object.keys(SLA_METRIC_FIELD) as Array<keyof typeof SLA_METRIC_FIELD>;
  const metric = metrics.find((m) => SLA_METRIC_FIELD[m] === field);
  return metric === undefined ? field : SLA_METRIC_INFO[metric].label;
}
