/**
 * The request samples GuideLLM keeps inside each benchmark of `benchmarks.json`: `requests: {successful: [...],
 * errored: [...], incomplete: [...]}` (guidellm `GenerativeRequestStats`, v0.3 `GenerativeTextResponseStats`),
 * each with `time_to_first_token_ms`, `inter_token_latency_ms` ((last − first token) ÷ (output tokens − 1), the TPOT
 * definition GuideLLM's summary uses for ITL), `request_latency` (seconds), `prompt_tokens`, `output_tokens` and
 * `output_tokens_per_second` (output tokens ÷ request latency). An errored request is a failed one; incomplete ones
 * (cut off when the benchmark ended) are left out, as GuideLLM's statistics leave them out.
 *
 * GuideLLM may keep a sample of the requests (`--output-sampling`), and its percentiles are not numpy's: the
 * benchmark's printed statistics stay as they are and these values serve goodput and what the summary lacks.
 */
import { isObject } from '../../collections.ts';
import type { SampleField } from '../../model/requestSamples.ts';
import { attachSamples, newColumns } from '../perRequest.ts';
import type { ParsedRun } from '../types.ts';

type Json = Record<string, unknown>;

const FIELDS = [
  'ttftMs',
  'itlMs',
  'tpotMs',
  'e2eMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const satisfies readonly SampleField[];

function value(record: Json, key: string): number {
  const v = record[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

/** Reads a benchmark's request samples into `run`, when it has any; its printed statistics stay. */
export function readGuidellmSamples(benchmark: Json, run: ParsedRun): void {
  const requests = benchmark['requests'];
  if (!isObject(requests)) return;
  const successful = Array.isArray(requests['successful']) ? requests['successful'] : [];
  const errored = Array.isArray(requests['errored']) ? requests['errored'] : [];
  if (successful.length === 0) return;
  const ok: boolean[] = [];
  const columns = newColumns(FIELDS);
  for (const [list, completed] of [
    [successful, true],
    [errored, false],
  ] as const) {
    for (const record of list) {
      if (!isObject(record)) continue;
      ok.push(completed);
      const itl = value(record, 'inter_token_latency_ms');
      columns.ttftMs.push(value(record, 'time_to_first_token_ms'));
      columns.itlMs.push(itl);
      columns.tpotMs.push(itl);
      columns.e2eMs.push(value(record, 'request_latency') * 1000);
      columns.outputTokensPerSecondPerUser.push(value(record, 'output_tokens_per_second'));
      columns.inputTokens.push(value(record, 'prompt_tokens'));
      columns.outputTokens.push(value(record, 'output_tokens'));
    }
  }
  const complete = run.requestCount === successful.length && (run.errorCount ?? 0) === errored.length;
  if (!complete) {
    run.notes.push(
      `The file keeps ${successful.length} successful and ${errored.length} errored request samples while its ` +
        `statistics count ${run.requestCount ?? '?'} and ${run.errorCount ?? '?'} ` +
        '(samples may be a subset, or include ' +
        'warm-up and cool-down): goodput is that of the samples.',
    );
  }
  // The benchmark's statistics and counts are printed: they stay (attachSamples keeps them).
  attachSamples(run, { ok, columns, differsFromSummary: [...FIELDS], sampled: !complete }, { printed: true });
}
