/**
 * `npm run tco -- --points`: the normalised points as JSON or CSV (docs/cli.md "Points output"), run in-process.
 * Expected values are read by hand off the concurrency-10 GenAI-Perf JSON of the real NIM sweep.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runMain } from './runMain.ts';
import type { PointRecord } from '../../../src/core/report/pointsReport.ts';

const REPO = join(import.meta.dirname, '../../..');
const NIM = join(REPO, 'tests/fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');

const run = (...argv: string[]) => runMain(argv);

describe('tco --points', () => {
  it('prints one record per load level with the fields of the contract', async () => {
    const { code, stdout, stderr } = await run('--points', NIM);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as { points: PointRecord[]; errors: unknown[]; skipped: Array<{ file: string }> };
    expect(out.errors).toEqual([]);
    // The raw per-request export of concurrency 1 joins that run's point.
    expect(out.skipped).toEqual([]);
    expect(out.points.map((p) => p.concurrency)).toEqual([1, 2, 5, 10, 50, 100, 250]);
    const c10 = out.points[3]!;
    expect(c10).toMatchObject({
      series: 'nim-llama3-8b-sweep-c1-250 / meta_llama3-8b-instruct-openai-chat',
      tool: 'genai-perf',
      format: 'genai-perf-json+genai-perf-csv',
      concurrency: 10,
      requestRate: null,
      saturation: false,
      loadFrom: 'file',
      requestsPerSecond: 11.378172536970691,
      outputTokensPerSecond: 667.5573827440704,
      inputTokens: 200.03,
      outputTokens: 58.67,
      goodputRequestsPerSecond: null,
      model: 'meta/llama3-8b-instruct',
    });
    expect(c10.ttftMs.avg).toBe(145.52817012999998);
    expect(c10.ttftMs.p99).toBe(162.26446499);
    expect(c10.itlMs.avg).toBe(12.7529225775);
    // GenAI-Perf's ITL is the TPOT definition: the same figures answer a TPOT limit.
    expect(c10.tpotMs.p99).toBe(15.316776419999997);
    expect(c10.e2eMs.p99).toBe(892.6748864799999);
    expect(c10.sources).toHaveLength(2);
    expect(c10.derived).toEqual([]);
  });

  it('gives goodput against the scenario’s SLA and percentiles from a run’s per-request records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tco-points-'));
    const scenario = join(dir, 'scenario.json');
    const sla = [{ metric: 'ttft', stat: 'p99', bound: 25 }];
    writeFileSync(scenario, JSON.stringify({ format: 'llm-tco-scenario', version: 1, sla }));
    const { code, stdout } = await run('--points', '--scenario', scenario, NIM);
    expect(code).toBe(0);
    const points = (JSON.parse(stdout) as { points: PointRecord[] }).points;
    // Concurrency 1 has the raw export: 40 of its 53 requests have TTFT ≤ 25 ms (tests/fixtures/perRequestOracle.py),
    // at the summary's 1.4932838222478375 req/s.
    expect(points[0]!.slaGoodput).toEqual({
      percent: 75.47169811320755,
      requestsPerSecond: (1.4932838222478375 * 40) / 53,
    });
    expect(points[0]!.ttftMs['p99.9']).toBe(26.309999616); // from the records; p99 stays the summary's
    expect(points[0]!.ttftMs.p99).toBe(26.267317079999998);
    expect(points[1]!.slaGoodput).toBeNull(); // concurrency 2: summaries only
    const csv = (await run('--points', '--csv', '--scenario', scenario, NIM)).stdout;
    const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(Number(rows[0]!['slaGoodput.percent'])).toBe(75.47169811320755);
    expect(rows[1]!['slaGoodput.percent']).toBe('');
  });

  it('prints the same records as CSV with JSON-style headers', async () => {
    const { code, stdout } = await run('--points', '--csv', NIM);
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(stdout.trim(), { header: true }).data;
    expect(rows).toHaveLength(7);
    const c10 = rows.find((r) => r['concurrency'] === '10')!;
    expect(c10['requestsPerSecond']).toBe('11.378172536970691');
    expect(c10['ttftMs.p99']).toBe('162.26446499');
    expect(c10['tpotMs.avg']).toBe('12.7529225775');
    expect(c10['requestsPerSecondPerGpu']).toBe('11.378172536970691');
    expect(c10['saturation']).toBe('false');
  });

  it('exits 1 and still prints the good points when a file cannot be read', async () => {
    const missing = join(REPO, 'tests/fixtures/does-not-exist');
    const { code, stdout } = await run('--points', NIM, missing);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { points: unknown[]; errors: Array<{ file: string; reason: string }> };
    expect(out.points).toHaveLength(7);
    expect(out.errors).toEqual([{ file: missing, reason: 'no such file or folder' }]);
  });
});

describe('files that lack what the cost needs (genai-perf analyze: p99 only, no mean output length)', () => {
  const ANALYZE = join(REPO, 'tests/fixtures/real/genai-perf/gpt2-analyze-sweep.analyze_export_genai_perf.csv');
  const S = 31_536_000;

  it('moves the default TTFT avg limit to p99, which the file reports, and says so', async () => {
    const { code, stdout, stderr } = await run(ANALYZE);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'note: TTFT avg is not in the loaded files: the limit now applies to TTFT p99, which they report.\n',
    );
    const report = JSON.parse(stdout) as {
      series: Array<{ meetsSla: boolean; operatingPoint: { requestsPerSecond: number } }>;
    };
    // Every row has TTFT p99 ≤ 250 ms (184–231); the best requests/s is config 3's 10.12.
    expect(report.series[0]?.meetsSla).toBe(true);
    expect(report.series[0]?.operatingPoint.requestsPerSecond).toBe(10.12);
  });

  it('says "not in the files", not "cannot meet", when a scenario asks for a statistic the file lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tco-points-'));
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ format: 'llm-tco-scenario', version: 1, sla: [{ metric: 'ttft', stat: 'avg', bound: 250 }] }),
    );
    const { stdout } = await run('--scenario', scenario, ANALYZE);
    const report = JSON.parse(stdout) as { series: Array<{ meetsSla: boolean; reason: string }> };
    expect(report.series[0]?.meetsSla).toBe(false);
    expect(report.series[0]?.reason).toBe('SLA not checkable: TTFT avg is not in the files (they report p99)');
  });

  it('prices per token with the mean lengths typed for the series', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tco-points-'));
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        format: 'llm-tco-scenario',
        version: 1,
        sla: [{ metric: 'ttft', stat: 'p99', bound: 250 }],
        series: [{ match: 'gpt2-analyze-sweep', outputTokens: 125 }],
      }),
    );
    const { code, stdout } = await run('--scenario', scenario, ANALYZE);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      series: Array<{ sizing: { instances: number; servers: number }; cost: Record<string, number>; notes: string[] }>;
    };
    const s = report.series[0]!;
    // 200 req/s ÷ 10.12 = 19.8 → 20 instances of 1 GPU → 3 eight-GPU servers at $119,000 a year each.
    expect(s.sizing).toMatchObject({ instances: 20, servers: 3 });
    expect(s.cost['fleetYearUsd']).toBe(357_000);
    const per1k = (357_000 / (20 * 10.12 * S)) * 1000;
    expect(s.cost['costPer1kRequestsUsd']).toBeCloseTo(per1k, 15);
    // ISL 200 is the file's configured length; OSL 125 as typed: per 1M tokens = per 1K × 1000 ÷ 325.
    expect(s.cost['costPer1MTokensUsd']).toBeCloseTo((per1k * 1000) / 325, 15);
    expect(s.notes).toContain('Mean output length 125 tokens as typed for this series: the file has no measured mean.');
  });
});

describe('a folder that mixes every tool (tests/fixtures/real)', () => {
  it('reports one series per configuration with its tool, load levels and units, and nothing refused', async () => {
    const { code, stdout } = await run('--points', join(REPO, 'tests/fixtures/real'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      points: PointRecord[];
      errors: unknown[];
      skipped: Array<{ file: string; reason: string }>;
    };
    expect(out.errors).toEqual([]);
    // Provenance notes in the folders are skipped, not refused.
    expect(out.skipped.find((s) => s.file === 'real/SOURCES.md')?.reason).toBe('not a benchmark result (a .md file)');
    const series = new Map<string, PointRecord[]>();
    for (const p of out.points) series.set(p.series, [...(series.get(p.series) ?? []), p]);
    const tools = new Set(out.points.map((p) => p.tool));
    expect([...tools].sort()).toEqual([
      'aiperf',
      'genai-perf',
      'guidellm',
      'inference-perf',
      'llmperf',
      'sglang',
      'vllm',
    ]);
    const loads = (name: string) =>
      (series.get(name) ?? []).map(
        (p) => p.concurrency ?? (p.requestRate !== null ? `${p.requestRate}/s` : p.saturation ? 'max' : '?'),
      );
    expect(loads('kimi-k2.5-mi355x-vllm-sweep / kimik2.5-tp4-vllm')).toEqual([1, 4, 16, 64]);
    expect(loads('nim-llama3-8b-sweep-c1-250 / meta_llama3-8b-instruct-openai-chat')).toEqual([
      1, 2, 5, 10, 50, 100, 250,
    ]);
    expect(loads('sglang / sglang-0.5.5-qwen2.5-3b.agg_n100_in128_out128')).toEqual([8, 32]);
    // inference-perf: open-loop stages labelled with the requested rate, plotted at what was achieved.
    const stages = series.get('inference-perf / kubecon-na-2025-vllm-llama3-8b') ?? [];
    expect(stages.map((p) => p.requestRate)).toEqual([1, 92.19, 183.38]);
    expect(stages.every((p) => p.tool === 'inference-perf' && p.requestsPerSecond !== null)).toBe(true);
    // The prefill/decode-disaggregated SGLang run is its own configuration.
    expect(series.has('sglang / sglang-0.5.5-qwen2.5-3b.pd_1p1d_n100_in512_out128')).toBe(true);
    // Units: every latency in ms, every rate per second. LLMPerf writes seconds and requests per minute.
    const fireworks = out.points.find((p) => p.tool === 'llmperf' && p.sources[0]?.includes('fireworks'));
    expect(fireworks?.ttftMs.avg).toBeCloseTo(511.5081730199972, 9); // results_ttft_s_mean 0.5115081730199972 s
    expect(fireworks?.requestsPerSecond).toBeCloseTo(64.92561266104798 / 60, 12); // completed per minute ÷ 60
    expect(fireworks?.derived).toContain('requestsPerSecond');
  });
});

describe('workloads in the CLI report', () => {
  it('names no cheapest across workloads unless the scenario says they are comparable', async () => {
    const folders = [join(REPO, 'tests/fixtures/real/genai-perf'), join(REPO, 'tests/fixtures/synthetic/genai-perf')];
    const apart = JSON.parse((await run(...folders)).stdout) as {
      cheapest: string | null;
      cheapestByWorkload: unknown[];
    };
    expect(apart.cheapest).toBeNull();
    expect(apart.cheapestByWorkload.length).toBeGreaterThan(1);
    const dir = mkdtempSync(join(tmpdir(), 'tco-points-'));
    writeFileSync(
      join(dir, 's.json'),
      JSON.stringify({ format: 'llm-tco-scenario', version: 1, comparableWorkloads: true }),
    );
    const together = JSON.parse((await run('--scenario', join(dir, 's.json'), ...folders)).stdout) as {
      cheapest: string | null;
    };
    expect(together.cheapest).toBe('llama3-8b-h100-tp1 / meta_llama3-8b-instruct-openai-chat');
  });
});
