/**
 * The per-request arrays `vllm bench serve --save-detailed` keeps in its result JSON (vllm/benchmarks/serve.py,
 * `benchmark()` result dict; before `--save-detailed` existed, benchmark_serving.py always wrote them), one entry
 * per request, in **seconds** while the aggregates are `_ms`:
 *   ttfts: number[]; itls: number[][] (the gaps between streamed chunks); latencies?: number[] (newer versions);
 *   input_lens, output_lens: number[]; errors: string[] ("" when the request succeeded); generated_texts.
 * Per request, as vLLM's calculate_metrics computes its statistics: TTFT, E2E (latency, or TTFT + Σ gaps where the
 * file has no latencies), TPOT = (E2E − TTFT) ÷ (output tokens − 1). ITL per request is its mean gap; vLLM's ITL
 * statistics pool every gap of every request, so the per-request ITL does not complete them.
 */
import type { SampleField } from '../../model/requestSamples.ts';
import { isListSums } from '../stream/numberArrays.ts';
import { attachSamples, newColumns, timePerOutputToken, tokensPerSecond } from '../perRequest.ts';
import type { ParsedRun } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

const FIELDS = [
  'ttftMs',
  'e2eMs',
  'itlMs',
  'tpotMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const satisfies readonly SampleField[];

/** The per-request arrays of a vLLM result, when it has them (`ttfts` is the one every version writes). */
export function hasDetailedArrays(doc: Json): boolean {
  return Array.isArray(doc['ttfts']);
}

function numbers(doc: Json, key: string, count: number): Array<number> | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ParseFailure(`${key} is not a list`);
  if (value.length !== count)
    throw new ParseFailure(`${key} has ${value.length} entries for ${count} requests (ttfts)`);
  return value.map((v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
}

/** Reads the arrays into per-request samples of `run`, whose statistics (the file's `_ms` keys) stay as printed. */
export function readVllmDetailed(doc: Json, run: ParsedRun): void {
  const ttfts = doc['ttfts'] as unknown[];
  const count = ttfts.length;
  const ttft = numbers(doc, 'ttfts', count) ?? [];
  const latency = numbers(doc, 'latencies', count);
  const inputLens = numbers(doc, 'input_lens', count);
  const outputLens = numbers(doc, 'output_lens', count);
  // A streamed file brings the gaps already summed per request (stream/numberArrays.ts).
  const itls = doc['itls'];
  const summed = isListSums(itls) ? itls : undefined;
  const listed = Array.isArray(itls) ? itls : undefined;
  if (itls !== undefined && (summed ? summed.sums.length : listed?.length) !== count) {
    throw new ParseFailure(`itls must be one list of gaps per request (${count})`);
  }
  const errors = doc['errors'];
  if (errors !== undefined && (!Array.isArray(errors) || errors.length !== count)) {
    throw new ParseFailure(`errors must hold one entry per request (${count})`);
  }
  const ok: boolean[] = [];
  const columns = newColumns(FIELDS);
  let e2eFromGaps = false;
  for (let i = 0; i < count; i++) {
    const gaps: unknown = listed?.[i];
    let gapSum = summed?.sums[i] ?? 0;
    let gapCount = summed?.counts[i] ?? 0;
    if (Array.isArray(gaps)) {
      for (const g of gaps) {
        gapSum += typeof g === 'number' ? g : NaN;
        gapCount++;
      }
    }
    const error: unknown = Array.isArray(errors) ? errors[i] : undefined;
    const t = ttft[i] ?? NaN;
    // vLLM keeps a failed request's ttft and latency at 0.0: without an error list, that marks it.
    const succeeded = Array.isArray(errors) ? error === '' || error === null : t > 0 || (latency?.[i] ?? 0) > 0;
    ok.push(succeeded);
    let e2eS = latency?.[i] ?? NaN;
    if (latency === undefined && Number.isFinite(t)) {
      e2eS = t + gapSum;
      e2eFromGaps = true;
    }
    const ttftMs = t * 1000;
    const e2eMs = e2eS * 1000;
    const outputTokens = outputLens?.[i] ?? NaN;
    columns.ttftMs.push(ttftMs);
    columns.e2eMs.push(e2eMs);
    columns.itlMs.push(gapCount > 0 ? (gapSum / gapCount) * 1000 : NaN);
    columns.tpotMs.push(timePerOutputToken(e2eMs, ttftMs, outputTokens));
    columns.outputTokensPerSecondPerUser.push(tokensPerSecond(outputTokens, e2eMs));
    columns.inputTokens.push(inputLens?.[i] ?? NaN);
    columns.outputTokens.push(outputTokens);
  }
  const definitions: Partial<Record<SampleField, string>> = {
    itlMs:
      "Per-request ITL (goodput, any percentile) is each request's mean gap between chunks; vLLM's ITL " +
      'statistics pool every gap of every request, so they are shown as the file has them.',
  };
  if (e2eFromGaps) definitions.e2eMs = 'E2E per request = TTFT + the sum of its gaps: the file has no latencies.';
  attachSamples(run, { ok, columns, definitions, differsFromSummary: ['itlMs'] }, { printed: true });
  if (run.tpsPerUserDefinition === undefined && run.requests?.columns.outputTokensPerSecondPerUser) {
    run.tpsPerUserDefinition = 'osl-over-e2e';
  }
  run.notes.push('Per-request arrays (--save-detailed) read: they are in seconds, the aggregates in ms.');
}
