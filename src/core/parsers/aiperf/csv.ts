/**
 * AIPerf summary CSV: `profile_export_aiperf.csv` (or `<prefix>.csv`), one run
 * (aiperf `exporters/metrics_csv_exporter.py`; rows sorted by tag, values `%.2f`, no thousands separators):
 *
 *   Metric,avg,min,max,p1,p5,p25,p50,p75,p90,p95,p99,std                ← early; 0.8+: …,max,sum,p1,p5,p10,…
 *   Time to First Token (ms),2343.22,464.66,…                           ← "<header> (<unit>)", empty cell = absent
 *   Time to First Token (error-adjusted) (ms),,172.93,…                 ← rows not read here are skipped
 *   (blank)
 *   Metric,Value                                                        ← scalars; no unit for counts
 *   Request Throughput (requests/sec),9.55
 *   (blank, then GPU telemetry blocks `Endpoint,GPU_Index,…`: ignored)
 *
 * Rows are found by header, never by position. The CSV carries no load level: it comes from the JSON of the
 * same run, or from the run folder name.
 */
import { isStat } from '../../model/benchmark.ts';
import { emptyRun } from '../runs.ts';
import { csvRows, parseNumberCell, splitRowName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { aiperfRunPath, finishRun, readMetrics } from './metrics.ts';

/** AIPerf's first header; GenAI-Perf's (`Metric,avg,min,max,p99,…`) differs after `max`. */
const HEADER = /^"?metric"?\s*,\s*avg\s*,\s*min\s*,\s*max\s*,\s*(?:sum\s*,\s*)?p1\s*,/i;

interface Row {
  label: string;
  unit?: string;
  /** stat → cell, for the stats this product knows. */
  cells: Array<[string, string | undefined]>;
  line: number;
}

function parse(file: SniffedFile): ParseOutcome {
  const rows = new Map<string, Row>();
  let header: string[] = [];
  let inMetricBlock = false;
  csvRows(file.text).forEach((row, index) => {
    const first = row[0];
    if (first === undefined || first === '') {
      inMetricBlock = false; // a blank line ends a block; the telemetry blocks that follow are not ours
      return;
    }
    if (first.toLowerCase() === 'metric') {
      header = row.map((cell) => cell.toLowerCase());
      inMetricBlock = true;
      return;
    }
    if (!inMetricBlock) return;
    const { name, unit } = splitRowName(first);
    if (rows.has(name)) return;
    const cells: Row['cells'] =
      header[1] === 'value'
        ? [['avg', row[1]]]
        : header.flatMap((stat, i) => (i > 0 && isStat(stat) ? [[stat, row[i]] as const] : []));
    rows.set(name, { label: first, ...(unit !== undefined ? { unit } : {}), cells, line: index + 1 });
  });
  if (header.length === 0) throw new ParseFailure('no "Metric,…" header found');

  const run = emptyRun(aiperfRunPath(file.path), { path: file.path, tool: 'aiperf', format: 'aiperf-csv' });
  const read = readMetrics(run, (metric) => {
    const row = rows.get(metric.header.toLowerCase());
    if (!row) return undefined;
    const where = `line ${row.line}, ${row.label}`;
    const record: Record<string, unknown> = { unit: row.unit };
    for (const [stat, cell] of row.cells) {
      const value = parseNumberCell(cell, `${where}, ${stat}`);
      if (value !== undefined) record[stat] = value;
    }
    return { record, where };
  });
  finishRun(run, read);
  return { kind: 'runs', runs: [run] };
}

export const aiperfCsv: BenchmarkParser = {
  id: 'aiperf-csv',
  label: 'NVIDIA AIPerf summary CSV (profile_export_aiperf.csv)',
  detect: (file) => file.json === undefined && HEADER.test(file.firstLine),
  parse,
};
