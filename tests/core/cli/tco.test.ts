/**
 * The headless command (docs/cli.md): arguments, JSON and CSV output, exit codes, bad input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runMain } from './runMain.ts';
import type { Report } from '../../../src/core/report/reportJson.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';

const REPO = join(import.meta.dirname, '../../..');
const NIM = join(REPO, 'tests/fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');
const S = 31_536_000;

const run = (...argv: string[]) => runMain(argv);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tco-cli-'));
}

describe('npm run tco', () => {
  it('prices the real NIM sweep under the default scenario (TTFT avg ≤ 250 ms, 200 req/s peak)', async () => {
    const { code, stdout, stderr } = await run(NIM);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as Report;
    expect(report.errors).toEqual([]);
    expect(report.series).toHaveLength(1);
    const s = report.series[0]!;
    // Concurrency 10 is the highest load with TTFT avg 145.5 ms ≤ 250 (concurrency 50 has 627 ms).
    expect(s.operatingPoint?.concurrency).toBe(10);
    const rps = 11.378172536970691; // request_throughput.avg of the concurrency-10 JSON
    expect(s.operatingPoint?.requestsPerSecond).toBe(rps);
    // 200 / 11.378… = 17.58 → 18 instances → 18 GPUs → ceil(18 / 8) = 3 servers
    expect(s.sizing).toEqual({
      capacityPerInstance: rps,
      instancesExact: 200 / rps,
      instances: 18,
      gpus: 18,
      serversExact: 200 / rps / 8,
      servers: 3,
    });
    // 3 × $119,000 = $357,000 a year; per 1K requests: 357,000 / (18 × rps × S) × 1000
    expect(s.cost?.fleetYearUsd).toBe(357_000);
    expect(s.cost?.costPer1kRequestsUsd).toBeCloseTo((357_000 / (18 * rps * S)) * 1000, 15);
    // per 1M tokens with the measured mean ISL 200.03 and OSL 58.67 at concurrency 10
    expect(s.cost?.costPer1MTokensUsd).toBeCloseTo(((357_000 / (18 * rps * S)) * 1000 * 1000) / (200.03 + 58.67), 15);
    expect(report.skipped).toEqual([]); // the raw per-request export joins the concurrency-1 point
  });

  it('prints one CSV row per series with dotted headers, and parses back to the JSON numbers', async () => {
    const json = JSON.parse((await run(NIM)).stdout) as Report;
    const { code, stdout } = await run('--csv', NIM);
    expect(code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(stdout.trim(), { header: true });
    expect(parsed.data).toHaveLength(1);
    const row = parsed.data[0]!;
    expect(Number(row['sizing.servers'])).toBe(json.series[0]?.sizing?.servers);
    expect(Number(row['cost.costPer1MTokensUsd'])).toBe(json.series[0]?.cost?.costPer1MTokensUsd);
    expect(Number(row['operatingPoint.ttftMs.avg'])).toBe(json.series[0]?.operatingPoint?.ttftMs.avg);
  });

  it('follows the scenario: a stricter SLA, another demand and the licence per server', async () => {
    const dir = tempDir();
    const scenario = defaultScenario();
    scenario.sla = [{ metric: 'ttft', stat: 'p99', bound: 100 }];
    scenario.demand = { ...scenario.demand, peak: 30 };
    scenario.hardware[0]!.licence.basis = 'perServer';
    writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
    const report = JSON.parse((await run('--scenario', join(dir, 's.json'), NIM)).stdout) as Report;
    const s = report.series[0]!;
    // TTFT p99: c5 = 93.2 ms ≤ 100, c10 = 162 ms > 100 → concurrency 5 (6.5958651813182 req/s)
    expect(s.operatingPoint?.concurrency).toBe(5);
    // 30 / 6.5959 = 4.55 → 5 instances → 1 server; 80,000 + 4,500 + 3,000 = $87,500
    expect(s.sizing?.instances).toBe(5);
    expect(s.sizing?.servers).toBe(1);
    expect(s.cost?.fleetYearUsd).toBe(87_500);
  });

  it('reports a series that cannot meet the SLA, with the reason and null sizing', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.json'),
      JSON.stringify({ format: 'llm-tco-scenario', version: 1, sla: [{ metric: 'ttft', stat: 'avg', bound: 10 }] }),
    );
    const { code, stdout } = await run('--scenario', join(dir, 's.json'), NIM);
    expect(code).toBe(0);
    const s = (JSON.parse(stdout) as Report).series[0]!;
    expect(s.meetsSla).toBe(false);
    expect(s.sizing).toBeNull();
    expect(s.cost).toBeNull();
    expect(s.reason).toBe(
      'cannot meet the SLA: even at the lowest load (concurrency 1) TTFT avg ≤ 10 ms but measured 24.6',
    );
  });

  it('reports bad files with exit 1 and still reports the good ones', async () => {
    const dir = tempDir();
    cpSync(NIM, join(dir, 'nim'), { recursive: true });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'empty.json'), '');
    writeFileSync(
      join(dir, 'bad', 'truncated_genai_perf.json'),
      '{"request_throughput": {"unit": "requests/sec", "avg": 1',
    );
    writeFileSync(join(dir, 'bad', 'binary.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(
      join(dir, 'bad', 'vllm.json'),
      JSON.stringify({ date: '20250101-000000', backend: 'vllm', model_id: 'm', completed: 0, request_throughput: 0 }),
    );
    writeFileSync(
      join(dir, 'bad', 'hostile.json'),
      '{"__proto__": {"polluted": 1}, ' +
        '"request_throughput": {"unit": "requests/sec", "avg": 1e999}, "input_config": {}}',
    );
    const { code, stdout } = await run(dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.series).toHaveLength(1);
    expect(report.series[0]?.sizing?.servers).toBe(3);
    const reasons = Object.fromEntries(report.errors.map((e) => [e.file.replace(/^.*bad\//, ''), e.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'binary.csv',
      'empty.json',
      'hostile.json',
      'truncated_genai_perf.json',
      'vllm.json',
    ]);
    expect(reasons['empty.json']).toBe('the file is empty');
    expect(reasons['truncated_genai_perf.json']).toMatch(/^invalid JSON: .*\(the file looks truncated\)$/);
    expect(reasons['binary.csv']).toBe('not a text benchmark export: this is a PNG image');
    expect(reasons['vllm.json']).toMatch(/^vLLM bench serve result JSON .*: completed is 0/);
    expect(reasons['hostile.json']).toMatch(/request_throughput.avg is not a finite number/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it('refuses a missing path with exit 1 and names it', async () => {
    const { code, stdout } = await run(NIM, '/no/such/folder');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Report).errors).toEqual([
      { file: '/no/such/folder', reason: 'no such file or folder' },
    ]);
  });

  it.each([
    [['--bogus', NIM], 'unknown option --bogus'],
    [[], 'no benchmark files or folders given'],
    [['--scenario'], '--scenario needs a file'],
    [['--scenario', '/no/such.json', NIM], 'scenario /no/such.json: no such file'],
  ])('exits 2 on bad arguments %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 on an invalid scenario, naming the field', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.json'),
      JSON.stringify({
        format: 'llm-tco-scenario',
        version: 1,
        hardware: [{ ...defaultScenario().hardware[0], gpusPerServer: 0 }],
      }),
    );
    const { code, stderr } = await run('--scenario', join(dir, 's.json'), NIM);
    expect(code).toBe(2);
    expect(stderr).toContain('hardware[0].gpusPerServer: must be a whole number ≥ 1, got 0');
  });

  // The one run through npm and tsx (every other test calls main() in-process): two process start-ups, which a
  // loaded 2-core machine can take well over vitest's default 5 s for.
  it('runs as documented through npm, with the exit status', { timeout: 60_000 }, () => {
    const ok = execFileSync('npm', ['run', '--silent', 'tco', '--', NIM], { cwd: REPO, encoding: 'utf8' });
    expect((JSON.parse(ok) as Report).series[0]?.sizing?.servers).toBe(3);
    const bad = spawnSync('npm', ['run', '--silent', 'tco', '--', '--nope'], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });
});

describe('two artifacts folders side by side', () => {
  it('stay two series, named by their parent folders', async () => {
    const dir = tempDir();
    const synthetic = join(REPO, 'tests/fixtures/synthetic/genai-perf');
    cpSync(join(synthetic, 'llama3-8b-h100-tp1/artifacts'), join(dir, 'h100/artifacts'), { recursive: true });
    cpSync(join(synthetic, 'llama3-8b-h200-tp1/artifacts'), join(dir, 'h200/artifacts'), { recursive: true });
    const { code, stdout } = await run(join(dir, 'h100/artifacts'), join(dir, 'h200/artifacts'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.series.map((s) => s.name).sort()).toEqual([
      'h100 / meta_llama3-8b-instruct-openai-chat',
      'h200 / meta_llama3-8b-instruct-openai-chat',
    ]);
    expect(report.series.every((s) => s.sources.length === 18)).toBe(true); // 9 levels × (JSON + CSV)
  });
});
