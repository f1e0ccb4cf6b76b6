/**
 * AIPerf per-request records, `profile_export.jsonl`: one line per request (aiperf `MetricRecordInfo`,
 * `common/models/record_models.py`, 0.1.1 and later):
 *   {"metadata": {x_request_id, …, credit_phase | benchmark_phase: "warmup" | "profiling"},
 *    "metrics": {<tag>: {"value": number | number[], "unit": "ms" | "ns" | "tokens" | …}},
 *    "error": {code, type, message} | null}
 * Only the profiling phase counts; a record with an error is a failed request (it carries only
 * `error_request_count`). Tags: `ttft` / `time_to_first_token`, `ttst` / `time_to_second_token`, `request_latency`,
 * `inter_token_latency` ((E2E − TTFT) ÷ (output tokens − 1): AIPerf's ITL is TPOT, as in its summary),
 * `output_token_throughput_per_user` (1 ÷ ITL), `input_sequence_length`, `output_sequence_length` (output +
 * reasoning tokens), `inter_chunk_latency` (the gaps between chunks: used only for a record without an ITL),
 * `min_request_timestamp` / `max_response_timestamp` (ns, for AIPerf's throughput window).
 * Values are converted by their `unit`. Records are read one at a time, so a large file can stream through.
 */
import { isObject } from '../../collections.ts';
import type { SampleField } from '../../model/requestSamples.ts';
import { attachSamples, newColumns } from '../perRequest.ts';
import { emptyRun, runPathOf } from '../runs.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { msPerTimeUnit } from '../units.ts';

type Json = Record<string, unknown>;

export function isAiperfRecord(value: unknown): value is Json {
  return isObject(value) && isObject(value['metadata']) && isObject(value['metrics']) && !('aggregation_type' in value);
}

const FIELDS = [
  'ttftMs',
  'ttstMs',
  'e2eMs',
  'itlMs',
  'tpotMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const satisfies readonly SampleField[];

/** Time tags in ms by their unit (`value` must be a number), NaN when absent. */
function timeMs(metrics: Json, tags: readonly string[]): number {
  for (const tag of tags) {
    const metric = metrics[tag];
    if (!isObject(metric) || typeof metric['value'] !== 'number') continue;
    const factor = msPerTimeUnit(String(metric['unit'] ?? ''));
    if (factor === undefined)
      throw new ParseFailure(`metrics.${tag}.unit "${String(metric['unit'])}" is not a unit of time`);
    return metric['value'] * factor;
  }
  return NaN;
}

function plain(metrics: Json, tag: string): number {
  const metric = metrics[tag];
  return isObject(metric) && typeof metric['value'] === 'number' ? metric['value'] : NaN;
}

/** The mean gap of a record's `inter_chunk_latency` list, in ms; NaN without one. */
function meanChunkGapMs(metrics: Json): number {
  const metric = metrics['inter_chunk_latency'];
  if (!isObject(metric) || !Array.isArray(metric['value']) || metric['value'].length === 0) return NaN;
  const factor = msPerTimeUnit(String(metric['unit'] ?? ''));
  if (factor === undefined) return NaN;
  let sum = 0;
  for (const v of metric['value']) sum += typeof v === 'number' ? v : NaN;
  return (sum / metric['value'].length) * factor;
}

/** Collects records one by one; `finish` builds the run. Used for a whole file and for a streamed one alike. */
export function aiperfRecordsReader(path: string) {
  const ok: boolean[] = [];
  const columns = newColumns(FIELDS);
  let warmup = 0;
  let firstRequestNs = Infinity;
  let lastResponseNs = -Infinity;
  let outputTokens = 0;
  let chunkItl = 0;
  return {
    add(record: unknown, line: number): void {
      if (!isAiperfRecord(record)) throw new ParseFailure(`line ${line} is not an AIPerf record (metadata, metrics)`);
      const metadata = record['metadata'] as Json;
      const phase = metadata['benchmark_phase'] ?? metadata['credit_phase'];
      if (phase === 'warmup') {
        warmup++;
        return;
      }
      const metrics = record['metrics'] as Json;
      const failed = isObject(record['error']);
      ok.push(!failed);
      if (failed) {
        for (const field of FIELDS) columns[field].push(NaN);
        return;
      }
      columns.ttftMs.push(timeMs(metrics, ['time_to_first_token', 'ttft']));
      columns.ttstMs.push(timeMs(metrics, ['time_to_second_token', 'ttst']));
      columns.e2eMs.push(timeMs(metrics, ['request_latency']));
      let itl = timeMs(metrics, ['inter_token_latency']);
      if (Number.isNaN(itl)) {
        itl = meanChunkGapMs(metrics);
        if (!Number.isNaN(itl)) chunkItl++;
      }
      columns.itlMs.push(itl);
      columns.tpotMs.push(itl);
      columns.outputTokensPerSecondPerUser.push(plain(metrics, 'output_token_throughput_per_user'));
      columns.inputTokens.push(plain(metrics, 'input_sequence_length'));
      const osl = plain(metrics, 'output_sequence_length');
      columns.outputTokens.push(osl);
      if (Number.isFinite(osl)) outputTokens += osl;
      const start = plain(metrics, 'min_request_timestamp');
      const end = plain(metrics, 'max_response_timestamp');
      if (Number.isFinite(start)) firstRequestNs = Math.min(firstRequestNs, start);
      if (Number.isFinite(end)) lastResponseNs = Math.max(lastResponseNs, end);
    },
    finish(): ParseOutcome {
      if (ok.length === 0) {
        throw new ParseFailure(warmup > 0 ? 'only warm-up records: no request of the profiling phase' : 'no records');
      }
      const run = emptyRun(runPathOf(path, /profile_export\.jsonl$/i), {
        path,
        tool: 'aiperf',
        format: 'aiperf-records-jsonl',
      });
      const definitions: Partial<Record<SampleField, string>> = {
        itlMs: 'ITL per request as AIPerf defines it: (E2E − TTFT) ÷ (output tokens − 1), the same as TPOT.',
      };
      if (chunkItl > 0) {
        definitions.itlMs += ` For ${chunkItl} records without it, the mean gap between their chunks.`;
      }
      attachSamples(run, { ok, columns, definitions });
      run.tpsPerUserDefinition = 'inverse-itl';
      if (warmup > 0) run.notes.push(`${warmup} warm-up records left out (profiling phase only).`);
      finishThroughput(run, (lastResponseNs - firstRequestNs) / 1e9, outputTokens);
      return { kind: 'runs', runs: [run] };
    },
  };
}

/** AIPerf's own throughput: completed requests and output tokens over first request sent → last response. */
function finishThroughput(run: ParsedRun, durationS: number, outputTokens: number): void {
  if (!(durationS > 0)) return;
  const completed = (run.requestCount ?? 0) - (run.errorCount ?? 0);
  run.durationS = durationS;
  run.requestsPerSecond = completed / durationS;
  run.derived.push('durationS', 'requestsPerSecond');
  if (outputTokens > 0) {
    run.outputTokensPerSecond = outputTokens / durationS;
    run.derived.push('outputTokensPerSecond');
  }
}

function parse(file: SniffedFile): ParseOutcome {
  const reader = aiperfRecordsReader(file.path);
  const lines = file.jsonLines ?? [file.json];
  lines.forEach((record, i) => reader.add(record, i + 1));
  return reader.finish();
}

export const aiperfRequestRecords: BenchmarkParser = {
  id: 'aiperf-records-jsonl',
  label: 'NVIDIA AIPerf per-request records (profile_export.jsonl)',
  detect: (file: SniffedFile) => isAiperfRecord(file.jsonLines?.[0] ?? file.json),
  parse,
};
