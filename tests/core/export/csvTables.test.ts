import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { resultsCsv, toCsv } from '../../../src/core/export/csvTables.ts';
import { pointRecords, pointsCsv } from '../../../src/core/report/pointsReport.ts';
import { computeResults } from '../../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

describe('toCsv: spreadsheet formula injection', () => {
  // papaparse quotes every escaped cell.
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['\u0000x', `"'\u0000x"`],
  ])('escapes the text cell %j', (cell, written) => {
    const csv = toCsv(['name'], [[cell]]);
    expect(csv.split('\r\n')[1]).toBe(written);
    // Read back, the cell is the text with a leading quote mark, never a formula.
    expect(Papa.parse<string[]>(csv).data[1]?.[0]).toBe(`'${cell}`);
  });

  it('leaves numbers as numbers, negative ones included, and harmless text alone', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [[-3, 0.05527, 'llama 8B', null]]);
    expect(csv).toBe('a,b,c,d\r\n-3,0.05527,llama 8B,');
  });
});

describe('resultsCsv and pointsCsv', () => {
  const points = [
    point({
      concurrency: 1,
      ttftMs: { avg: 25, p99: 30 },
      requestsPerSecond: 1.5,
      outputTokensPerSecond: 86,
      inputTokens: { avg: 200 },
      outputTokens: { avg: 50 },
    }),
    point({
      concurrency: 10,
      ttftMs: { avg: 145 },
      requestsPerSecond: 11.4,
      outputTokensPerSecond: 668,
      inputTokens: { avg: 200 },
      outputTokens: { avg: 50 },
    }),
  ].map((p) => ({ ...p, seriesKey: '=cmd|evil', seriesName: '=cmd|evil' }));
  const scenario = defaultScenario();
  const results = computeResults(points, scenario);

  it('writes one row per series with units in the headers, full-precision numbers and the assumptions', () => {
    const rows = Papa.parse<Record<string, string>>(resultsCsv(results, scenario), {
      header: true,
      dynamicTyping: true,
    }).data as unknown as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row['configuration']).toBe("'=cmd|evil"); // a hostile series name is escaped
    expect(row['operating point: concurrency']).toBe(10);
    expect(row['instances (exact)']).toBe(results[0]?.sizing?.instancesExact);
    expect(row['servers']).toBe(results[0]?.sizing?.servers);
    expect(row['cost per 1M tokens (USD)']).toBe(results[0]?.costs?.costPer1MTokensUsd.value);
    expect(row['assumption: SLA']).toBe('TTFT avg ≤ 250 ms');
    expect(row['assumption: peak demand']).toBe(200);
    expect(row['server price (USD)']).toBe(320_000);
    expect(row['licence basis']).toBe('perGpu');
  });

  it('writes every point with the stats present as columns', () => {
    const csv = pointsCsv(pointRecords(resolveSeries(points, scenario)));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toContain('ttftMs.p99');
    expect(Object.keys(rows[0]!)).not.toContain('itlMs.avg'); // no point has it
    expect(rows[0]?.['ttftMs.p99']).toBe('30');
    expect(rows[1]?.['ttftMs.p99']).toBe('');
  });
});
