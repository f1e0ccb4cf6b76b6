/**
 * Pieces shared by the GenAI-Perf layouts: run identity from the file name, and the empty run record.
 */
export { emptyRun, requireThroughput, sameAsTpot } from '../runs.ts';

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
