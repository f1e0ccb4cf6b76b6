/**
 * LLMPerf summaries collected by a wrapper script into one JSON object keyed by the load level, usually the
 * concurrency as text: `{"1": {…summary…}, "2": {…summary…}}` (one summary: see summary.ts). One run per key,
 * all of one sweep (one family: the file).
 */
import { isObject } from '../../collections.ts';
import { runPathOf } from '../runs.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { LLMPERF_SUMMARY_FILE, looksLikeLlmperfSummary, readLlmperfSummary } from './summary.ts';

/** The first entry is a summary (each other entry is checked when read). */
function detect(file: SniffedFile): boolean {
  const doc = file.json;
  if (!isObject(doc) || looksLikeLlmperfSummary(doc)) return false;
  for (const key in doc) return looksLikeLlmperfSummary(doc[key]);
  return false;
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Record<string, unknown>;
  const family = runPathOf(file.path, LLMPERF_SUMMARY_FILE);
  const runs: ParsedRun[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (!looksLikeLlmperfSummary(value)) {
      throw new ParseFailure(
        `entry "${key}" is not an LLMPerf summary (no results_ttft_s_mean or results_num_completed_requests_per_min)`,
      );
    }
    const keyNumber = /^\s*\d+(?:\.\d+)?\s*$/.test(key) ? Number(key) : undefined;
    try {
      const run = readLlmperfSummary(value as Record<string, unknown>, `${family}#${key}`, file.path, keyNumber);
      run.familyPath = family;
      run.source = { ...run.source, format: llmperfCollection.id };
      runs.push(run);
    } catch (error) {
      if (error instanceof ParseFailure) throw new ParseFailure(`entry "${key}": ${error.message}`);
      throw error;
    }
  }
  return { kind: 'runs', runs };
}

export const llmperfCollection: BenchmarkParser = {
  id: 'llmperf-summary-collection',
  label: 'LLMPerf summaries collected in one JSON object keyed by load level',
  detect,
  parse,
};
