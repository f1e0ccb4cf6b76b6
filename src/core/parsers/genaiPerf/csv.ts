/**
 * GenAI-Perf summary CSV: `profile_export_genai_perf.csv` / `<prefix>_genai_perf.csv`.
 *
 *   Metric,avg,min,max,p99,p95,p90,p75,p50,p25[,p10,p5,p1]       ← per-request distributions
 *   Time To First Token (ms),"2,156.03",97.10,…                   ← values ≥ 1000 quoted with separators
 *   Output Sequence Length[ (tokens)],58.56,…
 *   (blank)
 *   Metric,Value                                                 ← system-wide scalars
 *   Output Token Throughput (per sec),2019.22
 *   (blank, then GPU telemetry blocks in newer versions: ignored)
 *
 * Rows are found by name, never by position. The CSV carries no load level: it comes from the
 * JSON of the same run, or from the run folder name.
 */
import type { Distribution } from '../../model/benchmark.ts';
import { isStat } from '../../model/benchmark.ts';
import { csvRows, parseNumberCell, splitRowName, truncate } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { isTokenCountUnit, msPerTimeUnit, normaliseRateUnit } from '../units.ts';
import { sameAsTpot, emptyRun, genaiPerfRunPath, requireThroughput } from './common.ts';

/** GenAI-Perf's first header; AIPerf's (`Metric,avg,min,max,p1…` or `…,sum,p1…`) differs after `max`. */
const HEADER = /^"?metric"?\s*,\s*avg\s*,\s*min\s*,\s*max\s*,\s*p99\b/i;

function detect(file: SniffedFile): boolean {
  return file.json === undefined && HEADER.test(file.firstLine);
}

type DistributionTarget =
  'ttftMs' | 'ttstMs' | 'itlMs' | 'e2eMs' | 'outputTokensPerSecondPerUser' | 'inputTokens' | 'outputTokens';

const DISTRIBUTION_ROWS: Readonly<Record<string, { target: DistributionTarget; kind: 'time' | 'tokens' | 'perUser' }>> =
  {
    'time to first token': { target: 'ttftMs', kind: 'time' },
    'time to second token': { target: 'ttstMs', kind: 'time' },
    'inter token latency': { target: 'itlMs', kind: 'time' },
    'request latency': { target: 'e2eMs', kind: 'time' },
    'output token throughput per user': { target: 'outputTokensPerSecondPerUser', kind: 'perUser' },
    'output token throughput per request': { target: 'outputTokensPerSecondPerUser', kind: 'perUser' },
    'output sequence length': { target: 'outputTokens', kind: 'tokens' },
    'num output token': { target: 'outputTokens', kind: 'tokens' },
    'input sequence length': { target: 'inputTokens', kind: 'tokens' },
    'num input token': { target: 'inputTokens', kind: 'tokens' },
  };

function parse(file: SniffedFile): ParseOutcome {
  const run = emptyRun(genaiPerfRunPath(file.path), { path: file.path, tool: 'genai-perf', format: 'genai-perf-csv' });
  const rows = csvRows(file.text);
  let block: 'distributions' | 'scalars' | 'other' = 'other';
  let header: string[] = [];

  rows.forEach((row, index) => {
    const line = index + 1;
    const first = row[0];
    if (first === undefined || first === '') return; // blank line between blocks
    if (first.toLowerCase() === 'metric') {
      header = row.map((c) => c.toLowerCase());
      block = header[1] === 'value' ? 'scalars' : header[1] === 'avg' ? 'distributions' : 'other';
      return;
    }
    if (block === 'distributions') readDistributionRow(run, row, header, line);
    else if (block === 'scalars') readScalarRow(run, row, line);
    else if (header.length === 0) throw new ParseFailure(`line ${line}: data before any "Metric" header`);
    // Any other block (GPU telemetry, goodput configs…) is not ours to read.
  });

  if (header.length === 0) throw new ParseFailure('no "Metric,…" header found');
  sameAsTpot(run);
  if (Object.keys(run.outputTokensPerSecondPerUser).length > 0 && run.tpsPerUserDefinition === undefined) {
    run.tpsPerUserDefinition = 'inverse-itl';
  }
  requireThroughput(run);
  return { kind: 'runs', runs: [run] };
}

function readDistributionRow(run: ParsedRun, row: string[], header: string[], line: number): void {
  const label = row[0] ?? '';
  const { name, unit } = splitRowName(label);
  const spec = DISTRIBUTION_ROWS[name];
  if (!spec) return; // rows this product does not use (goodput, telemetry…) are skipped
  let factor = 1;
  if (spec.kind === 'time') {
    const ms = unit === undefined ? undefined : msPerTimeUnit(unit);
    if (ms === undefined) {
      const what = unit === undefined ? 'no unit' : `the unknown unit "${unit}"`;
      throw new ParseFailure(
        `line ${line}: "${truncate(label, 60)}" has ${what}; a time in ms, s, us or ns is expected`,
      );
    }
    factor = ms;
  } else if (spec.kind === 'tokens' && !isTokenCountUnit(unit)) {
    throw new ParseFailure(`line ${line}: "${truncate(label, 60)}" has the unit "${unit}", expected tokens`);
  } else if (spec.kind === 'perUser' && unit !== undefined && !/^tokens\/s(?:\/user)?$/.test(normaliseRateUnit(unit))) {
    throw new ParseFailure(`line ${line}: "${truncate(label, 60)}" has the unit "${unit}", expected tokens/sec/user`);
  }
  const dist: Distribution = {};
  header.forEach((stat, column) => {
    if (column === 0 || !isStat(stat)) return;
    const value = parseNumberCell(row[column], `line ${line}, ${label}, ${stat}`);
    if (value !== undefined) dist[stat] = value * factor;
  });
  run[spec.target] = dist;
  if (spec.kind === 'perUser') run.tpsPerUserDefinition = name.endsWith('per request') ? 'osl-over-e2e' : 'inverse-itl';
}

function readScalarRow(run: ParsedRun, row: string[], line: number): void {
  const label = row[0] ?? '';
  const { name, unit } = splitRowName(label);
  const rateUnit = unit === undefined ? undefined : normaliseRateUnit(unit);
  const where = `line ${line}, ${label}`;
  if (name === 'output token throughput' || name === 'request throughput') {
    // Old: "(per sec)"; new: "(tokens/sec)" / "(requests/sec)".
    const expected = name === 'request throughput' ? 'requests/s' : 'tokens/s';
    if (rateUnit !== '/s' && rateUnit !== expected) {
      throw new ParseFailure(`${where}: unit ${unit === undefined ? 'missing' : `"${unit}"`}, expected ${expected}`);
    }
    const value = parseNumberCell(row[1], where);
    if (value === undefined) return;
    if (name === 'request throughput') run.requestsPerSecond = value;
    else run.outputTokensPerSecond = value;
  } else if (name === 'request count') {
    const value = parseNumberCell(row[1], where);
    if (value !== undefined) run.requestCount = value;
  }
}

export const genaiPerfCsv: BenchmarkParser = {
  id: 'genai-perf-csv',
  label: 'GenAI-Perf summary CSV (profile_export_genai_perf.csv)',
  detect,
  parse,
};
