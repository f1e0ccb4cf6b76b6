/**
 * What every per-request parser shares: turning the collected per-request values into the run's samples and the
 * statistics a summary would print (docs/file-formats.md §Per-request files). A per-request file and the summary
 * of the same run are one point: ingest keeps the summary's statistics as printed and takes from here what the
 * summary lacks.
 */
import type { RawSamples } from '../model/requestSamples.ts';
import { SAMPLE_FIELDS, buildRequestSamples, columnDistribution } from '../model/requestSamples.ts';
import type { ParsedRun } from './types.ts';
import { ParseFailure } from './types.ts';

/**
 * Attaches the samples to the run, with the usual statistics of each column (STATS, numpy's linear percentiles)
 * where the file printed none (`printed`: a result that carries both its statistics and its per-request arrays keeps
 * the statistics), and the request and failure counts. Fails the file when it holds no request at all.
 */
export function attachSamples(run: ParsedRun, raw: RawSamples, { printed = false } = {}): void {
  if (raw.ok.length === 0) throw new ParseFailure('the file holds no request record');
  const samples = buildRequestSamples(raw);
  run.requests = samples;
  for (const field of SAMPLE_FIELDS) {
    if (printed && Object.keys(run[field]).length > 0) continue;
    const distribution = columnDistribution(samples.columns[field]);
    if (Object.keys(distribution).length === 0) continue;
    run[field] = distribution;
    samples.statsFilled.push(field);
  }
  if (!printed || run.requestCount === undefined) run.requestCount = samples.count;
  if (!printed || run.errorCount === undefined) run.errorCount = samples.count - samples.okCount;
  const sampled = samples.sampled ? ' (a sample of the run’s requests, as the file keeps them)' : '';
  run.notes.push(
    `Per-request data: ${samples.count} requests${sampled}, ${samples.count - samples.okCount} failed; ` +
      'statistics not in a summary of the run are computed from them (linear interpolation between ranks, as numpy).',
  );
  for (const [field, text] of Object.entries(samples.definitions)) {
    if (samples.columns[field as keyof typeof samples.columns]) run.notes.push(text);
  }
}

/** A per-request column being collected: `push` one value per request (NaN where the request has none). */
export function newColumns<F extends string>(fields: readonly F[]): Record<F, number[]> {
  return Object.fromEntries(fields.map((f) => [f, [] as number[]])) as Record<F, number[]>;
}

/** Output tokens/s of one request: output tokens ÷ E2E (docs/method.md §Metrics and units); NaN if unknown. */
export function tokensPerSecond(outputTokens: number, e2eMs: number): number {
  return outputTokens > 0 && e2eMs > 0 ? outputTokens / (e2eMs / 1000) : NaN;
}

/** (E2E − TTFT) ÷ (output tokens − 1): the time per output token after the first, NaN below two tokens. */
export function timePerOutputToken(e2eMs: number, ttftMs: number, outputTokens: number): number {
  return outputTokens > 1 && e2eMs >= ttftMs ? (e2eMs - ttftMs) / (outputTokens - 1) : NaN;
}
