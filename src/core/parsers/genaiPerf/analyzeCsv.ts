/**
 * `genai-perf analyze` export: `analyze_export_genai_perf.csv`, one row per sweep point.
 *
 *   Config Name,Concurrency,ISL,Num Prompts,p99 Time To First Token (ms),…,Avg. Output Token Throughput
 * (tokens/sec),Request Throughput (requests/sec)
 *   gpt2_run_config_3,32,200,175,184.43,…
 *   (blank, then a GPU telemetry block per config: ignored)
 *
 * Column headers are `<stat> <metric> (<unit>)`; only the stats present (usually p99) are read.
 * All rows of one file are one sweep, hence one series.
 */
import type { Distribution, Stat } from '../../model/benchmark.ts';
import { isStat } from '../../model/benchmark.ts';
import { csvRows, parseNumberCell, splitRowName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { msPerTimeUnit, normaliseRateUnit } from '../units.ts';
import { sameAsTpot, emptyRun, requireThroughput } from './common.ts';

const HEADER = /^"?config name"?\s*,/i;

function detect(file: SniffedFile): boolean {
  return file.json === undefined && HEADER.test(file.firstLine);
}

type Column =
  | { kind: 'name' | 'concurrency' | 'requestRate' | 'isl' | 'otps' | 'rps' }
  | { kind: 'dist'; target: 'ttftMs' | 'itlMs' | 'e2eMs' | 'outputTokens' | 'inputTokens'; stat: Stat; factor: number };

const DIST_METRICS: Readonly<Record<string, 'ttftMs' | 'itlMs' | 'e2eMs' | 'outputTokens' | 'inputTokens'>> = {
  'time to first token': 'ttftMs',
  'inter token latency': 'itlMs',
  'request latency': 'e2eMs',
  'output sequence length': 'outputTokens',
  'input sequence length': 'inputTokens',
};

function classify(header: string): Column | undefined {
  const { name, unit } = splitRowName(header);
  if (name === 'config name') return { kind: 'name' };
  if (name === 'concurrency') return { kind: 'concurrency' };
  if (name === 'request rate') return { kind: 'requestRate' };
  if (name === 'isl') return { kind: 'isl' };
  if (name === 'request throughput') return checkRate(header, unit, 'requests/s', { kind: 'rps' });
  if (name === 'avg. output token throughput' || name === 'output token throughput')
    return checkRate(header, unit, 'tokens/s', { kind: 'otps' });
  const match = /^(avg\.?|min|max|p\d+(?:\.\d+)?)\s+(.+)$/.exec(name);
  if (!match) return undefined;
  const stat = (match[1] ?? '').replace(/\.$/, '');
  const target = DIST_METRICS[match[2] ?? ''];
  if (!target || !isStat(stat)) return undefined;
  if (target === 'outputTokens' || target === 'inputTokens') return { kind: 'dist', target, stat, factor: 1 };
  const factor = unit === undefined ? undefined : msPerTimeUnit(unit);
  if (factor === undefined)
    throw new ParseFailure(`column "${header}" has ${unit === undefined ? 'no unit' : `the unknown unit "${unit}"`}`);
  return { kind: 'dist', target, stat, factor };
}

function checkRate(header: string, unit: string | undefined, expected: string, column: Column): Column {
  if (unit === undefined || normaliseRateUnit(unit) !== expected)
    throw new ParseFailure(`column "${header}": unit is not ${expected}`);
  return column;
}

function parse(file: SniffedFile): ParseOutcome {
  const rows = csvRows(file.text);
  const headerRow = rows[0] ?? [];
  const columns = headerRow.map(classify);
  if (!columns.some((c) => c?.kind === 'concurrency' || c?.kind === 'requestRate')) {
    throw new ParseFailure('no Concurrency or Request Rate column: the load level of each row is unknown');
  }
  const runs: ParsedRun[] = [];
  for (let index = 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.length === 0 || row.every((c) => c === '')) break; // the telemetry block follows a blank line
    runs.push(readRow(file.path, row, columns, headerRow, index + 1));
  }
  if (runs.length === 0) throw new ParseFailure('the sweep table has no rows');
  return { kind: 'runs', runs };
}

function readRow(
  path: string,
  row: string[],
  columns: Array<Column | undefined>,
  headerRow: string[],
  line: number,
): ParsedRun {
  const configName = row[columns.findIndex((c) => c?.kind === 'name')] ?? `row ${line}`;
  const run = emptyRun(`${path}#row${line}`, { path, tool: 'genai-perf', format: 'genai-perf-analyze-csv' });
  run.familyPath = path.replace(/[._-]?analyze_export_genai_perf\.csv$/i, '') || path;
  const load: { concurrency?: number; requestRate?: number } = {};
  columns.forEach((column, i) => {
    if (!column || column.kind === 'name') return;
    const value = parseNumberCell(row[i], `line ${line}, ${headerRow[i] ?? ''}`);
    if (value === undefined) return;
    switch (column.kind) {
      case 'concurrency':
        if (value > 0) load.concurrency = value;
        break;
      case 'requestRate':
        if (value > 0) load.requestRate = value;
        break;
      case 'isl':
        run.metadata.targetInputTokens = value;
        break;
      case 'otps':
        run.outputTokensPerSecond = value;
        break;
      case 'rps':
        run.requestsPerSecond = value;
        break;
      case 'dist': {
        const dist: Distribution = run[column.target];
        dist[column.stat] = value * column.factor;
        break;
      }
    }
  });
  if (load.concurrency !== undefined || load.requestRate !== undefined) run.load = load;
  sameAsTpot(run);
  run.notes.push(`genai-perf analyze row "${configName}": only the statistics it exports (usually p99) are known.`);
  requireThroughput(run);
  return run;
}

export const genaiPerfAnalyzeCsv: BenchmarkParser = {
  id: 'genai-perf-analyze-csv',
  label: 'genai-perf analyze export CSV (analyze_export_genai_perf.csv)',
  detect,
  parse,
};
