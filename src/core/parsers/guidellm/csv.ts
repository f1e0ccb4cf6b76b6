/**
 * GuideLLM's own CSV export, `benchmarks.csv` (`guidellm benchmark --outputs csv`, or `--output-path x.csv`): one row
 * per benchmark of the `benchmarks.json` it is written beside (JSON and CSV are GuideLLM's default outputs from 0.4
 * on). Recognised and skipped: the JSON holds the same benchmarks with everything the CSV flattens into JSON cells
 * (strategy, backend, model) and the request samples, and is read instead. Two layouts (vllm-project/guidellm):
 *
 *   0.4–0.7   `src/guidellm/benchmark/outputs/csv.py` (GenerativeBenchmarkerCSV, v0.4.0 to v0.7.3): three header
 *             rows — group, field, unit or statistic — whose first columns come from `_add_run_info`:
 *             `Run Info,Run Info,…` then `Run ID,Run Index,Profile,Requests,Backend,Environment,…`
 *   0.3       `src/guidellm/benchmark/output.py` (GenerativeBenchmarksReport.save_csv, v0.3.0): one header row,
 *             `_benchmark_desc_headers_and_values` first: `Type,Run Id,Id,Name,Start Time,End Time,Duration,…`
 */
import type { BenchmarkParser, SniffedFile } from '../types.ts';

/** The second line of a text (the 0.4+ layout's field row), without reading past it. */
function secondLine(text: string): string {
  const start = text.indexOf('\n');
  if (start < 0) return '';
  const end = text.indexOf('\n', start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end).trim();
}

export const guidellmCsv: BenchmarkParser = {
  id: 'guidellm-csv',
  label: "GuideLLM's CSV export (benchmarks.csv)",
  detect: (file: SniffedFile) => {
    if (file.json !== undefined) return false;
    const header = file.firstLine;
    if (header.startsWith('Type,Run Id,Id,Name,Start Time,End Time,Duration,')) return true;
    return header.startsWith('Run Info,Run Info,') && secondLine(file.text.trimStart()).startsWith('Run ID,Run Index,');
  },
  parse: () => ({
    kind: 'skipped',
    reason:
      "GuideLLM's CSV export: the benchmarks of the benchmarks.json that GuideLLM writes beside it (JSON and CSV " +
      'are its default outputs), which is read instead; load that JSON to get them (guidellm benchmark --outputs json)',
  }),
};
