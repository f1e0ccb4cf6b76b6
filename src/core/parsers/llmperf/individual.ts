/**
 * LLMPerf's per-request file beside each summary, `<model>_<in>_<out>_individual_responses.json`
 * (ray-project/llmperf `token_benchmark_ray.py`): a JSON array of
 *   {error_code, error_msg, ttft_s, end_to_end_latency_s, inter_token_latency_s,
 *    request_output_throughput_token_per_s, number_input_tokens, number_output_tokens, number_total_tokens}
 * All times in **seconds**. A record with an error code or message is a failed request. LLMPerf's
 * `inter_token_latency_s` is each request's whole streamed time ÷ output tokens (TTFT included), so it is not an
 * ITL here (as in its summary); TPOT is computed as (E2E − TTFT) ÷ (output tokens − 1). Tokens/s per user is
 * LLMPerf's own output tokens ÷ E2E. The file has no timestamps, hence no requests/s: that comes from the summary
 * of the same run, and so does the load level (`num_concurrent_requests`).
 */
import { isObject } from '../../collections.ts';
import type { SampleField } from '../../model/requestSamples.ts';
import { attachSamples, newColumns, timePerOutputToken } from '../perRequest.ts';
import { emptyRun, runPathOf } from '../runs.ts';
import type { BenchmarkParser, ParseOutcome, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

const FIELDS = [
  'ttftMs',
  'e2eMs',
  'tpotMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const satisfies readonly SampleField[];

const NO_TIMESTAMPS_NOTE =
  'LLMPerf’s per-request file has no timestamps: requests/s and the load level come from its summary.';

function detect(file: SniffedFile): boolean {
  const doc = file.json;
  if (!Array.isArray(doc)) return false;
  const first: unknown = doc[0];
  return isObject(first) && 'ttft_s' in first && 'end_to_end_latency_s' in first;
}

/** A number field, or NaN when it is missing or null (a failed request has none). LLMPerf writes some as text. */
function numberOf(record: Json, key: string): number {
  const value = record[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return NaN;
}

function parse(file: SniffedFile): ParseOutcome {
  const records = file.json as unknown[];
  const ok: boolean[] = [];
  const columns = newColumns(FIELDS);
  records.forEach((record, i) => {
    if (!isObject(record)) throw new ParseFailure(`[${i}] is not an object`);
    const code = record['error_code'];
    const message = record['error_msg'];
    const failed = (code !== null && code !== undefined) || (typeof message === 'string' && message !== '');
    ok.push(!failed);
    const ttft = numberOf(record, 'ttft_s') * 1000;
    const e2e = numberOf(record, 'end_to_end_latency_s') * 1000;
    const outputTokens = numberOf(record, 'number_output_tokens');
    columns.ttftMs.push(ttft);
    columns.e2eMs.push(e2e);
    columns.tpotMs.push(timePerOutputToken(e2e, ttft, outputTokens));
    columns.outputTokensPerSecondPerUser.push(numberOf(record, 'request_output_throughput_token_per_s'));
    columns.inputTokens.push(numberOf(record, 'number_input_tokens'));
    columns.outputTokens.push(outputTokens);
  });
  const run = emptyRun(runPathOf(file.path, /_individual_responses\.json$/i), {
    path: file.path,
    tool: 'llmperf',
    format: 'llmperf-individual-responses',
  });
  attachSamples(run, {
    ok,
    columns,
    definitions: {
      tpotMs: 'TPOT per request computed as (E2E − TTFT) ÷ (output tokens − 1) from LLMPerf’s seconds.',
    },
  });
  run.tpsPerUserDefinition = 'osl-over-e2e';
  run.notes.push(NO_TIMESTAMPS_NOTE);
  return { kind: 'runs', runs: [run] };
}

export const llmperfIndividual: BenchmarkParser = {
  id: 'llmperf-individual-responses',
  label: 'LLMPerf individual responses (*_individual_responses.json)',
  detect,
  parse,
};
