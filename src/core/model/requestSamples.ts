/**
 * Per-request data of one run (docs/file-formats.md §Per-request files): one value per request and metric, kept
 * compact as typed arrays, with sorted copies made once so that any percentile is a lookup and "how many requests
 * meet this bound" is a binary search. Built in the parser (the Web Worker for files), so the page receives the
 * arrays ready to use.
 */
import type { Distribution, Stat } from './benchmark.ts';
import { DISTRIBUTION_FIELDS, STATS, statPosition } from './benchmark.ts';

/**
 * The per-request metrics: one per distribution of Measurements, named like the distribution it feeds (ms for
 * latencies, tokens, tokens/s).
 */
export const SAMPLE_FIELDS = DISTRIBUTION_FIELDS;
export type SampleField = (typeof SAMPLE_FIELDS)[number];

export interface SampleColumn {
  /** The value of each request (index = request), NaN where the request has none (failed, or not measured). */
  values: Float64Array;
  /** The finite values of the requests that completed, ascending. */
  sorted: Float64Array;
  /** The request index of each entry of `sorted`. */
  order: Uint32Array;
  /** Sum of `sorted` (the mean without a pass over the data). */
  sum: number;
}

export interface RequestSamples {
  /** Requests measured, failed ones included. */
  count: number;
  /** 1 where the request completed without error. */
  ok: Uint8Array;
  okCount: number;
  columns: Partial<Record<SampleField, SampleColumn>>;
  /** What a column holds where the tool's name could mislead ("ITL: mean gap between streamed chunks"). */
  definitions: Partial<Record<SampleField, string>>;
  /**
   * Columns defined otherwise than the statistic of the same name in the tool's summary (vLLM's ITL statistics pool
   * every gap; a per-request value is one request's mean gap). A point whose statistics of such a field come from
   * the summary does not complete them from these values.
   */
  differsFromSummary: SampleField[];
  /** The fields whose statistics the parser computed from these values (not printed by the tool in the file). */
  statsFilled: SampleField[];
  /** True when the file holds a sample of the requests, not all of them (GuideLLM). */
  sampled?: boolean;
}

/** Per-request values as a parser collects them: plain arrays, one entry per request (NaN where absent). */
export interface RawSamples {
  ok: boolean[];
  columns: Partial<Record<SampleField, number[]>>;
  definitions?: Partial<Record<SampleField, string>>;
  differsFromSummary?: SampleField[];
  sampled?: boolean;
}

/** Sorts once: the sorted values of completed requests and their request indices. */
export function buildColumn(values: Float64Array, ok: Uint8Array): SampleColumn {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (ok[i] === 1 && Number.isFinite(values[i])) n++;
  const order = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (ok[i] === 1 && Number.isFinite(values[i])) order[k++] = i;
  order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const sorted = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const v = values[order[j] ?? 0] ?? 0;
    sorted[j] = v;
    sum += v;
  }
  // Values of failed requests are not data: keep them out of every later check.
  for (let i = 0; i < values.length; i++) if (ok[i] !== 1) values[i] = NaN;
  return { values, sorted, order, sum };
}

/** The compact form of what a parser collected. A column with no value for any completed request is dropped. */
export function buildRequestSamples(raw: RawSamples): RequestSamples {
  const count = raw.ok.length;
  const ok = Uint8Array.from(raw.ok, (b) => (b ? 1 : 0));
  const columns: RequestSamples['columns'] = {};
  for (const field of SAMPLE_FIELDS) {
    const values = raw.columns[field];
    if (values === undefined) continue;
    if (values.length !== count) {
      throw new Error(`per-request column ${field} has ${values.length} values for ${count} requests`);
    }
    const column = buildColumn(Float64Array.from(values), ok);
    if (column.sorted.length > 0) columns[field] = column;
  }
  let okCount = 0;
  for (const b of ok) okCount += b;
  const samples: RequestSamples = {
    count,
    ok,
    okCount,
    columns,
    definitions: { ...raw.definitions },
    differsFromSummary: [...(raw.differsFromSummary ?? [])],
    statsFilled: [],
  };
  if (raw.sampled) samples.sampled = true;
  return samples;
}

/**
 * The `p`-th percentile of ascending values by linear interpolation between the closest ranks: numpy's default
 * (`np.percentile(x, p)`, method 'linear'), which GenAI-Perf, AIPerf and vLLM use and pandas' `quantile` matches
 * (LLMPerf): h = (p/100)·(n − 1), value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * Computed the way numpy ≥ 1.22 rounds it (from the upper neighbour when the fraction is ≥ ½), so the figures
 * agree with the tools' to the bit.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (p / 100) * (n - 1);
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] ?? NaN;
  const t = h - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** A statistic of one column (over the requests that completed), or undefined when it has no values. */
export function columnStat(column: SampleColumn, stat: Stat): number | undefined {
  const n = column.sorted.length;
  if (n === 0) return undefined;
  if (stat === 'avg') return column.sum / n;
  if (stat === 'min') return column.sorted[0];
  if (stat === 'max') return column.sorted[n - 1];
  return percentileOfSorted(column.sorted, statPosition(stat));
}

/** The usual statistics (STATS) of a column, as a distribution read from a file would hold them. */
export function columnDistribution(column: SampleColumn | undefined): Distribution {
  const out: Distribution = {};
  if (column === undefined) return out;
  for (const stat of STATS) {
    const value = columnStat(column, stat);
    if (value !== undefined) out[stat] = value;
  }
  return out;
}
