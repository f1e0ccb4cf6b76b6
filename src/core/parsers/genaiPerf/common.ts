/**
 * Pieces shared by the GenAI-Perf layouts: run identity from the file name, and the empty run record.
 */
import type { PointSource } from '../../model/benchmark.ts';
import { emptyMeasurements } from '../../model/benchmark.ts';
import type { ParsedRun } from '../types.ts';
import { ParseFailure } from '../types.ts';

/**
 * The run a GenAI-Perf summary belongs to. GenAI-Perf writes `profile_export_genai_perf.{json,csv}` into
 * the run folder, or `<prefix>_genai_perf.{json,csv}` with `--profile-export-file <prefix>.json`; the CSV
 * and JSON of one run therefore share this path.
 *   artifacts/m-openai-chat-concurrency10/profile_export_genai_perf.csv → artifacts/m-openai-chat-concurrency10
 *   artifacts/m-openai-chat-concurrency10/200_50_genai_perf.json       → artifacts/m-openai-chat-concurrency10/200_50
 */
export function genaiPerfRunPath(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = slash >= 0 ? path.slice(0, slash) : '';
  const base = path.slice(slash + 1);
  const stem = base.replace(/[._-]?(?:profile_export_)?genai_perf\.(?:json|csv)$/i, '').replace(/\.(?:json|csv)$/i, '');
  if (stem === '') return dir === '' ? base : dir;
  return dir === '' ? stem : `${dir}/${stem}`;
}

export function emptyRun(runPath: string, source: PointSource): ParsedRun {
  return { ...emptyMeasurements(), runPath, source, load: null };
}

export const ITL_NOTE = 'ITL is GenAI-Perf\'s inter-token latency: (E2E − TTFT) / (output tokens − 1) per request, the same as TPOT.';

/** Every GenAI-Perf point must at least carry a throughput to be placed on a curve. */
export function requireThroughput(run: ParsedRun): void {
  if (run.requestsPerSecond === undefined && run.outputTokensPerSecond === undefined) {
    throw new ParseFailure(`required metric missing: neither request throughput nor output token throughput is present`);
  }
}
