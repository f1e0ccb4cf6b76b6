/**
 * The AIPerf metrics this product reads, listed once for every AIPerf layout. The summary JSON keys them by
 * tag (`time_to_first_token`; the early layout's short `ttft`, `ttst` under "records"), the summary CSV by
 * header and unit (`Time to First Token (ms)`), the sweep aggregate by tag or `<tag>_<stat>`. Each metric
 * carries its own unit (`ms`, `sec`, `tokens`, `requests/sec`, `tokens/sec/user`); values are converted by it.
 * Tags, headers and formulas: aiperf `aiperf/metrics/types/*.py` (0.1.1), unchanged through 0.10:
 *   inter_token_latency = (request_latency − ttft) / (output_sequence_length − 1) per request (= TPOT);
 *   output_token_throughput_per_user = 1 / inter_token_latency per request;
 *   output_sequence_length = output + reasoning tokens; request_count = valid requests, errors counted apart;
 *   inter_chunk_latency = every gap between consecutive streamed chunks, pooled over all requests
 *   (`inter_chunk_latency_metric.py`, at least two chunks): vLLM's kind of ITL, not AIPerf's (see `readMetrics`).
 */
import { isObject } from '../../collections.ts';
import { requireThroughput, runPathOf, sameAsTpot } from '../runs.ts';
import type { ParsedRun } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber, distributionFromRecord, isTokenCountUnit, msPerTimeUnit, normaliseRateUnit } from '../units.ts';

type DistributionField =
  'ttftMs' | 'ttstMs' | 'itlMs' | 'e2eMs' | 'outputTokensPerSecondPerUser' | 'inputTokens' | 'outputTokens';
type ScalarField =
  | 'requestsPerSecond'
  | 'outputTokensPerSecond'
  | 'inputTokensPerSecond'
  | 'goodputRequestsPerSecond'
  | 'requestCount'
  | 'errorCount'
  | 'durationS';

interface Named {
  /** Keys in the JSON layouts; the first is the current one. */
  tags: readonly string[];
  /** Row name in the CSV, before ` (unit)`. */
  header: string;
}
type Metric =
  | (Named & { kind: 'time' | 'tokens' | 'tokensPerUser'; field: DistributionField })
  | (Named & { kind: 'requestRate' | 'tokenRate' | 'count' | 'duration'; field: ScalarField });

export const AIPERF_METRICS: readonly Metric[] = [
  { tags: ['time_to_first_token', 'ttft'], header: 'Time to First Token', kind: 'time', field: 'ttftMs' },
  { tags: ['time_to_second_token', 'ttst'], header: 'Time to Second Token', kind: 'time', field: 'ttstMs' },
  { tags: ['inter_token_latency'], header: 'Inter Token Latency', kind: 'time', field: 'itlMs' },
  { tags: ['request_latency'], header: 'Request Latency', kind: 'time', field: 'e2eMs' },
  {
    tags: ['output_token_throughput_per_user'],
    header: 'Output Token Throughput Per User',
    kind: 'tokensPerUser',
    field: 'outputTokensPerSecondPerUser',
  },
  { tags: ['input_sequence_length'], header: 'Input Sequence Length', kind: 'tokens', field: 'inputTokens' },
  { tags: ['output_sequence_length'], header: 'Output Sequence Length', kind: 'tokens', field: 'outputTokens' },
  { tags: ['request_throughput'], header: 'Request Throughput', kind: 'requestRate', field: 'requestsPerSecond' },
  {
    tags: ['output_token_throughput'],
    header: 'Output Token Throughput',
    kind: 'tokenRate',
    field: 'outputTokensPerSecond',
  },
  {
    tags: ['input_token_throughput'],
    header: 'Input Token Throughput',
    kind: 'tokenRate',
    field: 'inputTokensPerSecond',
  },
  { tags: ['goodput'], header: 'Goodput', kind: 'requestRate', field: 'goodputRequestsPerSecond' },
  { tags: ['request_count'], header: 'Request Count', kind: 'count', field: 'requestCount' },
  { tags: ['error_request_count'], header: 'Error Request Count', kind: 'count', field: 'errorCount' },
  { tags: ['benchmark_duration'], header: 'Benchmark Duration', kind: 'duration', field: 'durationS' },
];

/**
 * AIPerf's inter-chunk latency (ICL). Not a field of its own in the model: it is the ITL only of a file without
 * AIPerf's `inter_token_latency`, and otherwise quoted in a note (`readMetrics`).
 */
const INTER_CHUNK_LATENCY: Metric = {
  tags: ['inter_chunk_latency'],
  header: 'Inter Chunk Latency',
  kind: 'time',
  field: 'itlMs',
};

/** Every tag above, for layouts that must tell a metric tag from other keys. */
export const AIPERF_TAGS: ReadonlySet<string> = new Set(
  [...AIPERF_METRICS, INTER_CHUNK_LATENCY].flatMap((metric) => metric.tags),
);

/** One metric's statistics as a layout holds them (`{unit, avg, p99…}`), and how to name it in a message. */
export interface FoundMetric {
  record: Record<string, unknown>;
  where: string;
}

/**
 * The run of an AIPerf summary: its folder, or `<prefix>` with `--profile-export-prefix` — the JSON and CSV
 * of one run share it, so ingest merges them.
 */
export function aiperfRunPath(path: string): string {
  return runPathOf(path, /profile_export_aiperf\.(?:json|csv)$/i);
}

/** What `readMetrics` tells `finishRun`: whether the ITL read is AIPerf's inter-chunk latency. */
export interface MetricsRead {
  itlIsChunkGaps: boolean;
}

/**
 * Reads every metric `find` returns into the run. Distributions keep every stat the record has (null = absent);
 * scalars are the record's `avg`. A value that is not a finite non-negative number fails the file.
 *
 * `inter_chunk_latency` (real files carry it beside `inter_token_latency`, AIPerf 0.1 to 0.10): `itlMs` keeps
 * AIPerf's ITL (= TPOT), and the pooled chunk gaps, whose tail shows stalls the per-request ITL averages away, are
 * quoted in a note. A file without `inter_token_latency` gets the chunk gaps as its ITL (no TPOT), as vLLM's ITL.
 */
export function readMetrics(run: ParsedRun, find: (metric: Metric) => FoundMetric | undefined): MetricsRead {
  for (const metric of AIPERF_METRICS) {
    const found = find(metric);
    if (!found) continue;
    const factor = unitFactor(metric, found.record['unit'], found.where);
    if (metric.kind === 'time' || metric.kind === 'tokens' || metric.kind === 'tokensPerUser') {
      run[metric.field] = distributionFromRecord(found.record, factor, found.where);
    } else {
      const avg = found.record['avg'];
      if (avg !== null && avg !== undefined)
        run[metric.field as ScalarField] = checkedNumber(avg, `${found.where}.avg`) * factor;
    }
  }
  const found = find(INTER_CHUNK_LATENCY);
  if (!found) return { itlIsChunkGaps: false };
  const factor = unitFactor(INTER_CHUNK_LATENCY, found.record['unit'], found.where);
  const gaps = distributionFromRecord(found.record, factor, found.where);
  if (Object.keys(gaps).length === 0) return { itlIsChunkGaps: false };
  if (Object.keys(run.itlMs).length > 0) {
    const quoted = (['avg', 'p50', 'p99', 'max'] as const)
      .flatMap((stat) => (gaps[stat] === undefined ? [] : [`${stat} ${gaps[stat].toFixed(2)} ms`]))
      .join(', ');
    run.notes.push(
      `AIPerf's inter-chunk latency (every gap between streamed chunks, pooled over the requests, as vLLM's ITL; ` +
        `not used as ITL, which is AIPerf's per-request figure): ${quoted}.`,
    );
    return { itlIsChunkGaps: false };
  }
  run.itlMs = gaps;
  run.notes.push(
    "ITL is AIPerf's inter-chunk latency: every gap between streamed chunks, pooled over the requests, as vLLM's " +
      'ITL (the file has no inter_token_latency); it is not TPOT.',
  );
  return { itlIsChunkGaps: true };
}

/** A finder over an object keyed by tag (the summary JSON, its early "records"). */
export function findByTag(container: Record<string, unknown>, prefix: string) {
  return (metric: Metric): FoundMetric | undefined => {
    for (const tag of metric.tags) {
      const value = container[tag];
      if (value === undefined || value === null) continue;
      if (!isObject(value)) throw new ParseFailure(`${prefix}${tag} is not an object of statistics`);
      return { record: value, where: `${prefix}${tag}` };
    }
    return undefined;
  };
}

const RATE_UNITS = { requestRate: 'requests/s', tokenRate: 'tokens/s', tokensPerUser: 'tokens/s/user' } as const;

/** Factor into the model's unit (ms, tokens, per second, seconds), or a ParseFailure naming the unit. */
function unitFactor(metric: Metric, rawUnit: unknown, where: string): number {
  const unit = typeof rawUnit === 'string' ? rawUnit : undefined;
  if (rawUnit !== undefined && rawUnit !== null && unit === undefined) {
    throw new ParseFailure(`${where}.unit is not a text`);
  }
  switch (metric.kind) {
    case 'time':
    case 'duration': {
      if (unit === undefined) throw new ParseFailure(`${where}: the unit is missing, so the time cannot be read`);
      const ms = msPerTimeUnit(unit);
      if (ms === undefined) throw new ParseFailure(`${where}: unit "${unit}" is not a unit of time`);
      return metric.kind === 'time' ? ms : ms / 1000;
    }
    case 'tokens':
      if (!isTokenCountUnit(unit)) throw new ParseFailure(`${where}: unit "${unit}" is not a token count`);
      return 1;
    case 'count':
      if (unit !== undefined && !/^(?:requests?|count)$/i.test(unit.trim())) {
        throw new ParseFailure(`${where}: unit "${unit}" is not a count`);
      }
      return 1;
    case 'requestRate':
    case 'tokenRate':
    case 'tokensPerUser': {
      const expected = RATE_UNITS[metric.kind];
      if (unit === undefined || normaliseRateUnit(unit) !== expected) {
        throw new ParseFailure(`${where}: unit ${unit === undefined ? 'missing' : `"${unit}"`}, expected ${expected}`);
      }
      return 1;
    }
  }
}

/**
 * What every AIPerf run gets once its metrics are read: ITL = TPOT (AIPerf's), the per-user definition, a throughput.
 */
export function finishRun(run: ParsedRun, read: MetricsRead): void {
  if (!read.itlIsChunkGaps) sameAsTpot(run);
  if (Object.keys(run.outputTokensPerSecondPerUser).length > 0) run.tpsPerUserDefinition = 'inverse-itl';
  requireThroughput(run);
}
