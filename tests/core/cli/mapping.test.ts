/**
 * `npm run tco -- --mapping FILE`: files no built-in parser reads, read through a column mapping given on the
 * command line or held by the scenario. The sheet is built here; expected numbers are worked out from its cells.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './runMain.ts';
import type { PointRecord } from '../../../src/core/report/pointsReport.ts';

const run = (...argv: string[]) => runMain(argv);

const SHEET = 'users,ttft_s,done_per_min,tok_s\n2,0.5,12,90\n8,0.75,45,300\n';
const MAPPING = {
  id: 'sheet',
  name: 'lab sheet',
  appliesTo: 'sheet*.csv',
  format: 'csv',
  fields: [
    { source: 'users', target: 'load.concurrency' },
    { source: 'ttft_s', target: 'ttftMs.avg', unit: 's' },
    { source: 'done_per_min', target: 'requestsPerSecond', unit: '/min' },
    { source: 'tok_s', target: 'outputTokensPerSecond', unit: '/s' },
  ],
};

function workspace(): { dir: string; sheet: string; write: (name: string, value: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'tco-mapping-'));
  const sheet = join(dir, 'sheet-h100.csv');
  writeFileSync(sheet, SHEET);
  const write = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  return { dir, sheet, write };
}

function points(stdout: string): PointRecord[] {
  return (JSON.parse(stdout) as { points: PointRecord[] }).points;
}

describe('tco --mapping', () => {
  it('refuses the sheet without a mapping, and reads it with one', async () => {
    const { sheet, write } = workspace();
    const without = await run('--points', sheet);
    expect(without.code).toBe(1);
    expect((JSON.parse(without.stdout) as { errors: Array<{ reason: string }> }).errors[0]?.reason).toMatch(
      /^unknown format/,
    );

    const { code, stdout } = await run('--points', '--mapping', write('mapping.json', MAPPING), sheet);
    expect(code).toBe(0);
    const read = points(stdout);
    expect(read.map((p) => [p.concurrency, p.requestsPerSecond, p.outputTokensPerSecond, p.ttftMs])).toEqual([
      [2, 0.2, 90, { avg: 500 }], // 12 per minute = 0.2/s; 0.5 s = 500 ms
      [8, 0.75, 300, { avg: 750 }], // 45 per minute = 0.75/s
    ]);
    expect(read[0]).toMatchObject({ tool: 'mapped', format: 'mapped-csv', loadFrom: 'file' });
  });

  it('takes a list of mappings, the first that applies reads the file', async () => {
    const { sheet, write } = workspace();
    const other = { ...MAPPING, id: 'other', appliesTo: 'nothing-like-this' };
    const twice = {
      ...MAPPING,
      id: 'second',
      fields: MAPPING.fields.map((f) => (f.source === 'ttft_s' ? { ...f, unit: 'ms' } : f)),
    };
    const { code, stdout } = await run('--points', '--mapping', write('list.json', [other, MAPPING, twice]), sheet);
    expect(code).toBe(0);
    expect(points(stdout)[0]?.ttftMs).toEqual({ avg: 500 });
  });

  it("uses the scenario's mappings, after those given with --mapping", async () => {
    const { sheet, write } = workspace();
    const scenario = write('scenario.json', { format: 'llm-tco-scenario', version: 1, mappings: [MAPPING] });
    expect(points((await run('--points', '--scenario', scenario, sheet)).stdout)[1]?.ttftMs).toEqual({ avg: 750 });
    const inMs = write('ms.json', {
      ...MAPPING,
      id: 'ms',
      fields: MAPPING.fields.map((f) => (f.source === 'ttft_s' ? { ...f, unit: 'ms' } : f)),
    });
    expect(points((await run('--points', '--scenario', scenario, '--mapping', inMs, sheet)).stdout)[1]?.ttftMs).toEqual(
      { avg: 0.75 },
    );
  });

  it('exits 2 naming the field of an invalid mapping, or a missing file', async () => {
    const { sheet, write } = workspace();
    const bad = write('bad.json', {
      ...MAPPING,
      fields: [MAPPING.fields[0], { source: 'ttft_s', target: 'ttftMs.avg' }],
    });
    const result = await run('--mapping', bad, sheet);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `tco: mapping ${bad}: mapping.fields[1].unit: ttftMs.avg needs a unit among ns, us, ms, s, got nothing`,
    );
    const missing = await run('--mapping', join(tmpdir(), 'no-such-mapping.json'), sheet);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-mapping.json: no such file');
    expect((await run('--mapping')).stderr).toContain('tco: --mapping needs a file');
  });
});
