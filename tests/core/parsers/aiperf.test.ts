/**
 * NVIDIA AIPerf: every real fixture (tests/fixtures/real/aiperf, see its SOURCES.md) through parseFile and
 * ingestFiles with values read off the files by hand; the layouts no real file shows, built from a real file
 * and aiperf's source; companions; and fuzzing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS } from '../../../src/core/model/benchmark.ts';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { loadFromPath } from '../../../src/core/parsers/loadFromPath.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParseOutcome, ParsedRun } from '../../../src/core/parsers/types.ts';
import { runsOf } from './outcomes.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/aiperf');
const KIMI = 'kimi-k2.5-mi355x-vllm-sweep/kimik2.5-tp4-vllm-conc';
const EARLY = 'gpt-oss-20b-concurrency100-aiperf-early-oct2025';
const QWEN = 'qwen3.6-nvfp4-rtx5090-chatbot-c2.aiperf-0.10.0.profile_export_aiperf.json';
const FILES = [
  `${EARLY}.profile_export.jsonl`,
  `${EARLY}.profile_export_aiperf.csv`,
  `${EARLY}.profile_export_aiperf.json`,
  `${KIMI}1.profile_export_aiperf.json`,
  `${KIMI}16.profile_export_aiperf.csv`,
  `${KIMI}16.profile_export_aiperf.json`,
  `${KIMI}4.profile_export_aiperf.json`,
  `${KIMI}64.profile_export_aiperf.json`,
  QWEN,
];

const texts = new Map<string, string>();
function text(name: string): string {
  const cached = texts.get(name) ?? readFileSync(join(ROOT, name), 'utf8');
  texts.set(name, cached);
  return cached;
}
const file = (name: string) => ({ path: name, text: text(name) });
type Json = Record<string, unknown>;
const json = (name: string) => JSON.parse(text(name)) as Json;

const only = (path: string, content: string) => {
  const runs = runsOf(parseFile({ path, text: content }));
  expect(runs).toHaveLength(1);
  return runs[0]!;
};
const reasonOf = (outcome: ParseOutcome) => (outcome.kind === 'runs' ? '' : outcome.reason);

describe('real files, one by one', () => {
  it('early layout (aiperf ~0.1, "records"): every metric in ms/tokens/s, load from input_config.loadgen', () => {
    const run = only(`${EARLY}.profile_export_aiperf.json`, text(`${EARLY}.profile_export_aiperf.json`));
    expect(run.source).toEqual({ path: `${EARLY}.profile_export_aiperf.json`, tool: 'aiperf', format: 'aiperf-json' });
    expect(run.runPath).toBe(EARLY);
    expect(run.load).toEqual({ concurrency: 100 });
    expect(run.ttftMs.avg).toBe(2343.219436988764);
    expect(run.ttftMs.p99).toBe(3833.3894000399996);
    expect(run.ttftMs.p10).toBeUndefined(); // the early layout has no p10: absent, not 0
    expect(run.ttstMs.avg).toBe(120.16625153932584);
    expect(run.itlMs.avg).toBe(27.763065454471807);
    expect(run.itlMs.p50).toBe(27.615130366666666);
    expect(run.tpotMs).toEqual(run.itlMs);
    expect(run.e2eMs.avg).toBe(9059.654633033708);
    expect(run.e2eMs.p99).toBe(9297.609933759999);
    expect(run.outputTokensPerSecondPerUser.avg).toBe(36.68434853220158);
    expect(run.tpsPerUserDefinition).toBe('inverse-itl');
    expect(run.requestsPerSecond).toBe(9.551622221540914);
    expect(run.outputTokensPerSecond).toBe(2320.7222350404572);
    expect(run.inputTokens.avg).toBe(550);
    expect(run.outputTokens.avg).toBe(242.96629213483146);
    expect(run.requestCount).toBe(89);
    expect(run.errorCount).toBe(11);
    expect(run.durationS).toBe(9.317788951);
    expect(run.metadata).toEqual({ model: 'openai/gpt-oss-20b', endpointType: 'chat', targetOutputTokens: 250 });
    expect(run.notes.join(' ')).toMatch(/Early AIPerf layout/);
    expect(run.notes.join(' ')).toMatch(/include reasoning tokens/); // the file has reasoning_token_count
    expect(run.derived).toEqual([]);
  });

  it('early CSV: rows by header at two decimals, scalars from the Metric,Value block, no load level', () => {
    const run = only(`${EARLY}.profile_export_aiperf.csv`, text(`${EARLY}.profile_export_aiperf.csv`));
    expect(run.source.format).toBe('aiperf-csv');
    expect(run.runPath).toBe(EARLY);
    expect(run.load).toBeNull();
    expect(run.ttftMs).toEqual({
      avg: 2343.22,
      min: 464.66,
      max: 3853.86,
      p1: 581.2,
      p5: 728.68,
      p25: 1413.84,
      p50: 2369.32,
      p75: 3336.6,
      p90: 3796.93,
      p95: 3825.28,
      p99: 3833.39,
    });
    expect(run.itlMs.avg).toBe(27.76);
    expect(run.tpotMs.avg).toBe(27.76);
    expect(run.e2eMs.p99).toBe(9297.61);
    expect(run.outputTokensPerSecondPerUser.avg).toBe(36.68);
    expect(run.inputTokens.avg).toBe(550);
    expect(run.outputTokens.avg).toBe(242.97);
    expect(run.requestsPerSecond).toBe(9.55);
    expect(run.outputTokensPerSecond).toBe(2320.72);
    expect(run.requestCount).toBe(89);
    expect(run.errorCount).toBe(11);
    expect(run.durationS).toBe(9.32);
  });

  it('0.8 / schema 1.1 JSON (kimi conc16): top-level metrics, version, dataset, input tokens/s', () => {
    const run = only(`${KIMI}16.profile_export_aiperf.json`, text(`${KIMI}16.profile_export_aiperf.json`));
    expect(run.source).toEqual({
      path: `${KIMI}16.profile_export_aiperf.json`,
      tool: 'aiperf',
      format: 'aiperf-json',
      toolVersion: '0.8.0',
    });
    expect(run.runPath).toBe(`${KIMI}16`);
    expect(run.load).toEqual({ concurrency: 16 });
    expect(run.ttftMs.avg).toBe(3074.633726320495);
    expect(run.ttftMs.p10).toBe(743.4944467999999);
    expect(run.ttftMs.p50).toBe(1539.017899);
    expect(run.ttftMs.p99).toBe(21397.125022660002);
    expect(run.ttstMs.avg).toBe(161.16017496836312);
    expect(run.itlMs.avg).toBe(49.711245813699456);
    expect(run.itlMs.p99).toBe(266.0475597623425);
    expect(run.e2eMs.avg).toBe(28757.42742946905);
    expect(run.e2eMs.p99).toBe(258220.61758184);
    expect(run.outputTokensPerSecondPerUser.avg).toBe(27.033594234574153);
    expect(run.requestsPerSecond).toBe(0.39851585484437557);
    expect(run.outputTokensPerSecond).toBe(231.90059680338135);
    expect(run.inputTokensPerSecond).toBe(38140.0826768101);
    expect(run.inputTokens.avg).toBe(95705.30811554333);
    expect(run.outputTokens.avg).toBe(581.9105914718019);
    expect(run.requestCount).toBe(727);
    expect(run.errorCount).toBe(1);
    expect(run.durationS).toBe(1824.26869888);
    expect(run.goodputRequestsPerSecond).toBeUndefined();
    expect(run.metadata).toEqual({
      model: 'amd/Kimi-K2.5-MXFP4',
      endpointType: 'chat',
      dataset: 'semianalysis_cc_traces_weka_with_subagents',
    });
  });

  it('0.8 CSV (kimi conc16): the `sum` column and the error-adjusted rows are not read, empty cells are absent', () => {
    const run = only(`${KIMI}16.profile_export_aiperf.csv`, text(`${KIMI}16.profile_export_aiperf.csv`));
    expect(run.runPath).toBe(`${KIMI}16`);
    expect(run.ttftMs).toEqual({
      avg: 3074.63,
      min: 172.93,
      max: 28836.76,
      p1: 322.5,
      p5: 637.33,
      p10: 743.49,
      p25: 1145.22,
      p50: 1539.02,
      p75: 3273.07,
      p90: 6925.76,
      p95: 10708.16,
      p99: 21397.13,
    });
    expect(run.e2eMs.p99).toBe(258220.62); // not the error-adjusted 264722.73
    expect(run.itlMs.avg).toBe(49.71);
    expect(run.requestsPerSecond).toBe(0.4);
    expect(run.outputTokensPerSecond).toBe(231.9);
    expect(run.inputTokensPerSecond).toBe(38140.08);
    expect(run.inputTokens.avg).toBe(95705.31);
    expect(run.outputTokens.avg).toBe(581.91);
    expect(run.requestCount).toBe(727);
    expect(run.errorCount).toBe(1);
    expect(run.durationS).toBe(1824.27);
  });

  it.each([
    [1, 0.04764239648473747, 1918.2040259285714, 6915.946556320003, 12.016032930828414, 44.4758786326626],
    [4, 0.16065656046971985, 2406.5748525419576, 16593.9432622999, 18.1366498691242, 126.74117412384639],
    [64, 0.03778511388926543, 690729.107985884, 1102971.5520438799, 1019.7628834730094, 9.645608638340889],
  ])('kimi conc%i JSON', (concurrency, rps, ttftAvg, ttftP99, itlAvg, otps) => {
    const name = `${KIMI}${concurrency}.profile_export_aiperf.json`;
    const run = only(name, text(name));
    expect(run.load).toEqual({ concurrency });
    expect(run.requestsPerSecond).toBe(rps);
    expect(run.ttftMs.avg).toBe(ttftAvg);
    expect(run.ttftMs.p99).toBe(ttftP99);
    expect(run.itlMs.avg).toBe(itlAvg);
    expect(run.outputTokensPerSecond).toBe(otps);
    expect(run.errorCount).toBeUndefined(); // no error_request_count key: unknown, not 0
  });

  it('0.10 / schema 1.3 JSON (qwen c2): load from the profiling phase, model, dataset from datasets[]', () => {
    const run = only(QWEN, text(QWEN));
    expect(run.source.toolVersion).toBe('0.10.0');
    expect(run.load).toEqual({ concurrency: 2 });
    expect(run.ttftMs.avg).toBe(101.27894798958333);
    expect(run.ttftMs.p99).toBe(195.0294531999999);
    expect(run.ttstMs.avg).toBe(4.617255125);
    expect(run.itlMs.avg).toBe(5.7172900482935685);
    expect(run.itlMs.p50).toBe(5.504439758095959);
    expect(run.e2eMs.avg).toBe(1326.5484779583333);
    expect(run.e2eMs.p99).toBe(3766.9585475499985);
    expect(run.outputTokensPerSecondPerUser.p99).toBe(191.45668899104504);
    expect(run.requestsPerSecond).toBe(1.5007311711635556);
    expect(run.outputTokensPerSecond).toBe(325.8306229225207);
    expect(run.inputTokensPerSecond).toBeUndefined(); // this file has no input_token_throughput
    expect(run.inputTokens.avg).toBe(580.71875);
    expect(run.outputTokens.avg).toBe(217.11458333333334);
    expect(run.requestCount).toBe(96);
    expect(run.durationS).toBe(63.968818563000006);
    expect(run.metadata).toEqual({ model: 'qwen3.6-nvfp4', endpointType: 'chat', dataset: 'sharegpt' });
    // A metric this product does not read may be negative (osl_mismatch_diff_pct avg −0.41): not an error.
    expect((json(QWEN)['osl_mismatch_diff_pct'] as Json)['avg']).toBeLessThan(0);
  });

  it('per-request records (profile_export.jsonl) are read (figures in perRequestReal.test.ts)', () => {
    const outcome = parseFile(file(`${EARLY}.profile_export.jsonl`));
    expect(outcome.kind === 'runs' && outcome.runs[0]?.requests?.count).toBe(100);
  });
});

describe('real files together through ingestFiles', () => {
  const result = ingestFiles(FILES.map(file));
  const byLoad = (series: string) =>
    result.points
      .filter((p) => p.seriesName === series)
      .sort((a, b) => (a.load.concurrency ?? 0) - (b.load.concurrency ?? 0));

  it('three series (one per run family), the JSONL joining its run, nothing refused', () => {
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect([...new Set(result.points.map((p) => p.seriesName))].sort()).toEqual([
      'gpt-oss-20b-aiperf-early-oct2025',
      'kimi-k2.5-mi355x-vllm-sweep / kimik2.5-tp4-vllm',
      'qwen3.6-nvfp4-rtx5090-chatbot.aiperf-0.10.0',
    ]);
    expect(result.points).toHaveLength(6);
  });

  it('the kimi sweep: concurrency 1, 4, 16, 64 from the files, conc16 merges its JSON and CSV (JSON precision)', () => {
    const kimi = byLoad('kimi-k2.5-mi355x-vllm-sweep / kimik2.5-tp4-vllm');
    expect(kimi.map((p) => p.load)).toEqual([1, 4, 16, 64].map((concurrency) => ({ concurrency, origin: 'file' })));
    expect(kimi.map((p) => p.requestsPerSecond)).toEqual([
      0.04764239648473747, 0.16065656046971985, 0.39851585484437557, 0.03778511388926543,
    ]);
    const c16 = kimi[2]!;
    expect(c16.sources.map((s) => s.format)).toEqual(['aiperf-json', 'aiperf-csv']);
    expect(c16.ttftMs.p99).toBe(21397.125022660002);
    expect(c16.tpsPerUserDefinition).toBe('inverse-itl');
    expect(new Set(kimi.map((p) => p.seriesKey)).size).toBe(1);
  });

  it('the early run: JSON + CSV one point at concurrency 100', () => {
    const [early] = byLoad('gpt-oss-20b-aiperf-early-oct2025');
    expect(early?.load).toEqual({ concurrency: 100, origin: 'file' });
    expect(early?.sources.map((s) => s.format)).toEqual(['aiperf-json', 'aiperf-csv', 'aiperf-records-jsonl']);
    expect(early?.requestsPerSecond).toBe(9.551622221540914);
    expect(early?.requests?.count).toBe(100);
    expect(early?.metadata.model).toBe('openai/gpt-oss-20b');
  });
});

// ─── layouts without a real file, built from a real file (shapes from aiperf's source) ───

/** A real summary with `change` applied to a deep copy. */
function variant(name: string, change: (doc: Json) => void): string {
  const doc = json(name);
  change(doc);
  return JSON.stringify(doc, null, 2);
}
const config = (doc: Json) => doc['input_config'] as Json;

describe('summary JSON variants', () => {
  it('late 2025, no version field at all (input_config.loadgen, goodput null): AIPerf, not GenAI-Perf', () => {
    const content = variant(`${KIMI}16.profile_export_aiperf.json`, (doc) => {
      delete doc['schema_version'];
      delete doc['aiperf_version'];
      delete doc['benchmark_id'];
      doc['goodput'] = null; // aiperf writes the key with no SLO given
    });
    const run = only('nested/profile_export_aiperf.json', content);
    expect(run.source).toEqual({ path: 'nested/profile_export_aiperf.json', tool: 'aiperf', format: 'aiperf-json' });
    expect(run.load).toEqual({ concurrency: 16 });
    expect(run.requestsPerSecond).toBe(0.39851585484437557);
    expect(run.goodputRequestsPerSecond).toBeUndefined();
  });

  it('goodput (aiperf GoodputMetric: tag goodput, requests/sec) → goodputRequestsPerSecond', () => {
    const content = variant(QWEN, (doc) => {
      doc['goodput'] = { unit: 'requests/sec', avg: 0.625 };
    });
    expect(only('g/profile_export_aiperf.json', content).goodputRequestsPerSecond).toBe(0.625);
  });

  it('schema 1.3: the load is the non-excluded phase, not the warmup (by exclude_from_results or kind)', () => {
    const content = variant(QWEN, (doc) => {
      config(doc)['phases'] = [
        { name: 'warmup', type: 'concurrency', exclude_from_results: true, requests: 16, concurrency: 8 },
        { name: 'cache_prime', kind: 'warmup', type: 'concurrency', requests: 4, concurrency: 32 },
        { name: 'profiling', type: 'concurrency', requests: 96, concurrency: 2 },
      ];
    });
    expect(only('p/profile_export_aiperf.json', content).load).toEqual({ concurrency: 2 });
  });

  it('schema 1.3 rate phase (poisson, rate, concurrency cap) → requestRate; cap, arrival are configuration', () => {
    const content = variant(QWEN, (doc) => {
      config(doc)['phases'] = [
        { name: 'warmup', type: 'concurrency', exclude_from_results: true, requests: 16, concurrency: 2 },
        { name: 'profiling', type: 'poisson', requests: 96, rate: 1.2, concurrency: 4 },
      ];
    });
    const run = only('r1.2/profile_export_aiperf.json', content);
    expect(run.load).toEqual({ requestRate: 1.2 });
    expect(run.metadata.configuration).toEqual({ arrival: 'poisson', 'concurrency cap': '4' });
  });

  it('schema 1.3 user_centric phase → requestRate and users', () => {
    const content = variant(QWEN, (doc) => {
      config(doc)['phases'] = [{ name: 'profiling', type: 'user_centric', rate: 3, users: 12, requests: 96 }];
    });
    const run = only('u/profile_export_aiperf.json', content);
    expect(run.load).toEqual({ requestRate: 3 });
    expect(run.metadata.configuration).toEqual({ arrival: 'user_centric', users: '12' });
  });

  it('trace replay (fixed_schedule) states no load: the path gives it or the file is refused', () => {
    const content = variant(QWEN, (doc) => {
      config(doc)['phases'] = [{ name: 'profiling', type: 'fixed_schedule', auto_offset: true }];
    });
    const run = only('trace/profile_export_aiperf.json', content);
    expect(run.load).toBeNull();
    expect(run.notes.join(' ')).toMatch(/fixed schedule/);
    const ingested = ingestFiles([{ path: 'trace/profile_export_aiperf.json', text: content }]);
    expect(ingested.errors[0]?.reason).toMatch(/load level missing/);
  });

  it('0.11 run_info.variation_values: swept values other than the load become configuration', () => {
    const content = variant(QWEN, (doc) => {
      const variation = { 'phases.profiling.concurrency': 2, 'datasets.main.prompts.isl': 512 };
      doc['run_info'] = { ...(doc['run_info'] as Json), variation_values: variation };
    });
    const run = only('v/profile_export_aiperf.json', content);
    expect(run.load).toEqual({ concurrency: 2 });
    expect(run.metadata.configuration).toEqual({ isl: '512' });
  });

  it('config v1 with a request rate (loadgen.request_rate, poisson): open loop, concurrency is a cap', () => {
    const content = variant(`${KIMI}16.profile_export_aiperf.json`, (doc) => {
      config(doc)['loadgen'] = { request_rate: 2.5, request_rate_mode: 'poisson', concurrency: 16 };
    });
    const run = only('rate/profile_export_aiperf.json', content);
    expect(run.load).toEqual({ requestRate: 2.5 });
    expect(run.metadata.configuration).toEqual({ 'concurrency cap': '16' });
  });

  it('config v2 synthetic dataset: requested ISL/OSL from datasets[0].prompts', () => {
    const content = variant(QWEN, (doc) => {
      const prompts = { isl: { mean: 1024, stddev: 0 }, osl: 128 };
      config(doc)['datasets'] = [{ name: 'main', type: 'synthetic', entries: 100, prompts }];
    });
    const run = only('s/profile_export_aiperf.json', content);
    expect(run.metadata).toMatchObject({ dataset: 'synthetic', targetInputTokens: 1024, targetOutputTokens: 128 });
  });
});

describe('refusals name the field', () => {
  const metric = (doc: Json, key: string) => doc[key] as Json;
  it.each([
    [
      'no throughput at all',
      (doc: Json) => {
        delete doc['request_throughput'];
        delete doc['output_token_throughput'];
      },
      'required metric missing: neither request throughput nor output token throughput is present',
    ],
    [
      'a negative percentile',
      (doc: Json) => void (metric(doc, 'time_to_first_token')['p99'] = -1),
      'time_to_first_token.p99 is negative (-1)',
    ],
    [
      'a number as text',
      (doc: Json) => void (metric(doc, 'request_latency')['avg'] = '12.5'),
      'request_latency.avg is the text "12.5", expected a number',
    ],
    [
      'a latency without a time unit',
      (doc: Json) => void (metric(doc, 'inter_token_latency')['unit'] = 'fortnights'),
      'inter_token_latency: unit "fortnights" is not a unit of time',
    ],
    [
      'a throughput in the wrong unit',
      (doc: Json) => void (metric(doc, 'request_throughput')['unit'] = 'tokens/sec'),
      'request_throughput: unit "tokens/sec", expected requests/s',
    ],
    [
      'a metric that is not an object',
      (doc: Json) => void (doc['time_to_first_token'] = 3),
      'time_to_first_token is not an object of statistics',
    ],
    [
      'a load level as text',
      (doc: Json) => void ((config(doc)['loadgen'] as Json)['concurrency'] = '16'),
      'input_config.loadgen.concurrency is the text "16", expected a number',
    ],
  ])('%s', (_what, change, expected) => {
    const content = variant(`${KIMI}16.profile_export_aiperf.json`, change);
    const outcome = parseFile({ path: 'x/profile_export_aiperf.json', text: content });
    expect(reasonOf(outcome)).toBe(`NVIDIA AIPerf summary JSON (profile_export_aiperf.json): ${expected}`);
  });

  it('a negative CSV cell, naming the line', () => {
    const row = 'Request Throughput (requests/sec)';
    const csv = text(`${KIMI}16.profile_export_aiperf.csv`).replace(`${row},0.40`, `${row},-0.40`);
    expect(reasonOf(parseFile({ path: 'c/profile_export_aiperf.csv', text: csv }))).toBe(
      `NVIDIA AIPerf summary CSV (profile_export_aiperf.csv): line 66, ${row}, avg: -0.40 is negative`,
    );
  });
});

// ─── the sweep aggregate (aiperf cli_runner/_sweep_aggregate.py, aggregation/sweep.py) ───

const KIMI_LEVELS = [1, 4, 16, 64];
/** A run's metrics as aiperf's orchestrator reads them (RunResult.summary_metrics): every field with a `unit`. */
function summaryMetrics(concurrency: number): Record<string, Json> {
  const doc = json(`${KIMI}${concurrency}.profile_export_aiperf.json`);
  const isMetric = (e: [string, unknown]): e is [string, Json] =>
    typeof e[1] === 'object' && e[1] !== null && 'unit' in e[1];
  return Object.fromEntries(Object.entries(doc).filter(isMetric));
}
const PERCENTILES = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'];
const STAT_KEYS = ['avg', 'min', 'max', ...PERCENTILES, 'std'];

/** `_json_metric_to_stats` (one trial); `withPercentiles: false` is the older projection (mean/min/max only). */
function singleTrialStats(metric: Json, withPercentiles: boolean): Json {
  const avg = (metric['avg'] as number | undefined) ?? 0;
  const [min, max] = [metric['min'] ?? avg, metric['max'] ?? avg];
  const out: Json = { mean: avg, std: 0, min, max, cv: 0, ci_low: avg, ci_high: avg, unit: metric['unit'] };
  if (!withPercentiles) return out;
  out['avg'] = avg;
  for (const key of [...PERCENTILES, 'count', 'sum']) if (metric[key] !== undefined) out[key] = metric[key];
  return out;
}
const oneTrial = (withPercentiles: boolean) => (metrics: Record<string, Json>) =>
  Object.fromEntries(Object.entries(metrics).map(([tag, metric]) => [tag, singleTrialStats(metric, withPercentiles)]));

/** ConfidenceAggregation over two identical trials: `<tag>_<stat>` → {mean, std: 0, …}. */
function severalTrialStats(metrics: Record<string, Json>): Json {
  const out: Json = {};
  for (const [tag, metric] of Object.entries(metrics)) {
    for (const stat of STAT_KEYS) {
      const v = metric[stat];
      if (typeof v !== 'number') continue;
      out[`${tag}_${stat}`] = { mean: v, std: 0, min: v, max: v, cv: 0, ci_low: v, ci_high: v, unit: metric['unit'] };
    }
  }
  return out;
}

function sweepFile(
  metricsOf: (metrics: Record<string, Json>) => Json,
  parameters: (c: number) => Json = (c) => ({ concurrency: c }),
): string {
  const sweepParameters = [{ name: 'concurrency', values: KIMI_LEVELS }];
  const doc = {
    aggregation_type: 'sweep',
    num_profile_runs: 4,
    num_successful_runs: 4,
    failed_runs: [],
    metadata: { sweep_parameters: sweepParameters, num_combinations: 4, aggregation_type: 'sweep' },
    per_combination_metrics: KIMI_LEVELS.map((c) => ({
      parameters: parameters(c),
      metrics: metricsOf(summaryMetrics(c)),
    })),
    best_configurations: {},
    pareto_optimal: [],
  };
  return JSON.stringify(doc, null, 2);
}

describe('sweep aggregate (profile_export_aiperf_sweep.json)', () => {
  const PATH = 'bench/sweep_aggregate/profile_export_aiperf_sweep.json';
  const shapes = [
    ['one trial, with percentiles', oneTrial(true)],
    ['several trials, <tag>_<stat>', severalTrialStats],
  ] as const;

  it.each(shapes)('%s: one run per combination, where aiperf writes that run, one family', (_shape, metricsOf) => {
    const runs = runsOf(parseFile({ path: PATH, text: sweepFile(metricsOf) }));
    expect(runs.map((r) => r.runPath)).toEqual(KIMI_LEVELS.map((c) => `bench/concurrency_${c}`));
    expect(runs.map((r) => r.load)).toEqual(KIMI_LEVELS.map((concurrency) => ({ concurrency })));
    expect(new Set(runs.map((r) => r.familyPath))).toEqual(new Set(['bench/{load}']));
    const c16 = runs[2]!;
    expect(c16.source).toEqual({ path: PATH, tool: 'aiperf', format: 'aiperf-sweep-json' });
    expect(c16.requestsPerSecond).toBe(0.39851585484437557);
    expect(c16.ttftMs.avg).toBe(3074.633726320495);
    expect(c16.ttftMs.p99).toBe(21397.125022660002);
    expect(c16.itlMs.p50).toBe(36.98606437373737);
    expect(c16.tpotMs).toEqual(c16.itlMs);
    expect(c16.durationS).toBe(1824.26869888);
    expect(c16.errorCount).toBe(1);
  });

  it('the older single-trial projection (mean, min, max only): averages and extremes, no percentiles', () => {
    const runs = runsOf(parseFile({ path: PATH, text: sweepFile(oneTrial(false)) }));
    expect(runs[2]?.ttftMs).toEqual({ avg: 3074.633726320495, min: 172.932462, max: 28836.759776 });
    expect(runs[2]?.outputTokensPerSecond).toBe(231.90059680338135);
  });

  it('several trials: says each statistic is the mean over the repeated runs', () => {
    const [run] = runsOf(parseFile({ path: PATH, text: sweepFile(severalTrialStats) }));
    expect(run?.notes.join(' ')).toMatch(/mean over the repeated runs/);
  });

  it("dropped with the runs themselves: merges with each run's summary (preferred), no doubled points", () => {
    const sweep = { path: PATH, text: sweepFile(severalTrialStats) };
    const runs = KIMI_LEVELS.map((c) => ({
      path: `bench/concurrency_${c}/profile_export_aiperf.json`,
      text: text(`${KIMI}${c}.profile_export_aiperf.json`),
    }));
    const result = ingestFiles([sweep, ...runs]);
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(4);
    expect(new Set(result.points.map((p) => p.seriesName))).toEqual(new Set(['bench']));
    for (const point of result.points) {
      expect(point.sources.map((s) => s.format)).toEqual(['aiperf-json', 'aiperf-sweep-json']);
    }
    // The run's own summary knows the model; the aggregate does not.
    expect(result.points.find((p) => p.load.concurrency === 16)?.metadata.model).toBe('amd/Kimi-K2.5-MXFP4');
  });

  it('two swept parameters: the non-load one splits the sweep into series', () => {
    const content = sweepFile(severalTrialStats, (c) => ({
      'phases.profiling.concurrency': c,
      'datasets.main.prompts.isl': c < 16 ? 512 : 1024,
    }));
    const runs = runsOf(parseFile({ path: PATH, text: content }));
    expect(runs.map((r) => r.runPath)).toEqual([
      'bench/concurrency_1__isl_512',
      'bench/concurrency_4__isl_512',
      'bench/concurrency_16__isl_1024',
      'bench/concurrency_64__isl_1024',
    ]);
    expect(runs[0]?.metadata.configuration).toEqual({ isl: '512' });
    const points = ingestFiles([{ path: PATH, text: content }]).points;
    expect(points.map((p) => `${p.seriesName} @${p.load.concurrency}`).sort()).toEqual([
      'bench (isl 1024) @16',
      'bench (isl 1024) @64',
      'bench (isl 512) @1',
      'bench (isl 512) @4',
    ]);
  });

  it('an empty sweep, or a combination without throughput, is refused naming it', () => {
    const empty = JSON.stringify({ aggregation_type: 'sweep', per_combination_metrics: [] });
    expect(reasonOf(parseFile({ path: PATH, text: empty }))).toMatch(/per_combination_metrics is empty/);
    const ttftOnly = (m: Record<string, Json>) => ({
      time_to_first_token_avg: severalTrialStats(m)['time_to_first_token_avg'],
    });
    const noThroughput = sweepFile(ttftOnly);
    expect(reasonOf(parseFile({ path: PATH, text: noThroughput }))).toMatch(
      /per_combination_metrics\[0\]: required metric missing/,
    );
  });
});

describe('nested run folders (AIPerf sweeps write name_concurrency2/name_concurrency4/)', () => {
  it.each([
    ['name_concurrency2/name_concurrency4/x.csv', { concurrency: 4 }, 'name_{load}/x.csv'],
    ['out/concurrency_2/concurrency_4/concurrency_8', { concurrency: 8 }, 'out/{load}'],
    ['out\\concurrency_2\\concurrency_4', { concurrency: 4 }, 'out\\{load}'],
    // A folder of another pattern, or another kind of load, is not a nested run.
    ['sweep-c1-250/m-concurrency250', { concurrency: 250 }, 'sweep-c1-250/m-{load}'],
    ['name_c2/name_qps4', { requestRate: 4 }, 'name_c2/name_{load}'],
  ])('%s', (path, load, family) => {
    expect(loadFromPath(path)).toEqual({ ...load, familyPath: family });
  });

  it('CSVs (no load in the file) in nested folders: the innermost folder is the load, all one series', () => {
    const csv = text(`${KIMI}16.profile_export_aiperf.csv`);
    const n = (c: number) => `name_concurrency${c}`;
    const folders = [n(2), `${n(2)}/${n(4)}`, `${n(2)}/${n(4)}/${n(8)}`];
    const result = ingestFiles(folders.map((f) => ({ path: `runs/${f}/profile_export_aiperf.csv`, text: csv })));
    expect(result.errors).toEqual([]);
    expect(result.points.map((p) => p.load)).toEqual([2, 4, 8].map((concurrency) => ({ concurrency, origin: 'path' })));
    expect(new Set(result.points.map((p) => p.seriesName))).toEqual(new Set(['name'])); // "runs" is a generic folder
  });
});

describe('companion files are skipped, not refused', () => {
  const requestThroughput = { unit: 'requests/sec', avg: 1 };
  it.each([
    [
      'a/aggregate/profile_export_aiperf_aggregate.json',
      JSON.stringify({ aggregation_type: 'confidence', metrics: { request_throughput_avg: { mean: 1 } } }),
      /confidence aggregate/,
    ],
    ['a/sweep_aggregate/profile_export_aiperf_sweep.csv', 'concurrency,request_throughput_avg_mean\n1,1\n', /beside/],
    ['a/x_timeslices.json', JSON.stringify({ timeslices: [{ request_throughput: requestThroughput }] }), /slice/],
    ['a/x_timeslices.csv', 'Timeslice,Metric,Unit,Stat,Value\n0,Request Latency,ms,avg,45.20\n', /time slice/],
    [
      'a/server_metrics_export.json',
      JSON.stringify({ schema_version: '1.0', aiperf_version: '0.10.0', summary: {}, metrics: {} }),
      /server-side \/ GPU telemetry/,
    ],
    ['a/gpu_telemetry_export.jsonl', '{"timestamp_ns":1,"gpu_uuid":"x"}\n{"timestamp_ns":2}\n', /GPU telemetry/],
    ['a/inputs.json', JSON.stringify({ data: [{ session_id: 's', payloads: [{ messages: [] }] }] }), /AIPerf inputs/],
  ])('%s', (path, content, reason) => {
    const outcome = parseFile({ path, text: content });
    expect(outcome.kind).toBe('skipped');
    expect(reasonOf(outcome)).toMatch(reason);
  });
});

// ─── fuzzing ───

/** True when the outcome is runs with only finite, non-negative numbers, or a refusal/skip with a reason. */
function wellFormed(outcome: ParseOutcome): boolean {
  if (outcome.kind !== 'runs') return outcome.reason.trim().length > 0;
  const clean = (run: ParsedRun) => {
    const numbers = [
      ...DISTRIBUTION_FIELDS.flatMap((field) => Object.values(run[field])),
      ...SCALAR_FIELDS.flatMap((field) => (run[field] === undefined ? [] : [run[field]])),
    ];
    const load = [run.load?.concurrency, run.load?.requestRate].filter((v) => v !== undefined);
    const finite = (v: unknown, min: number) => typeof v === 'number' && Number.isFinite(v) && v >= min;
    return numbers.every((v) => finite(v, 0)) && load.every((v) => finite(v, Number.MIN_VALUE));
  };
  return outcome.runs.length > 0 && outcome.runs.every(clean);
}
function safeParse(path: string, content: string): boolean {
  try {
    return wellFormed(parseFile({ path, text: content }));
  } catch {
    return false;
  }
}

const JSON_FILES = FILES.filter((f) => f.endsWith('.json'));
const CSV_FILES = FILES.filter((f) => f.endsWith('.csv'));
/** The top-level keys the parsers read (mutating the others, e.g. `http_req_*`, only tests that they are ignored). */
const READ_KEYS = new Set([
  ...['records', 'input_config', 'run_info', 'aiperf_version', 'time_to_first_token', 'time_to_second_token'],
  ...['inter_token_latency', 'request_latency', 'output_token_throughput_per_user', 'input_sequence_length'],
  ...['output_sequence_length', 'request_throughput', 'output_token_throughput', 'input_token_throughput', 'goodput'],
  ...['request_count', 'error_request_count', 'benchmark_duration'],
]);
const readOnly = (m: Record<string, Json>) =>
  Object.fromEntries(Object.entries(m).filter(([tag]) => READ_KEYS.has(tag)));
const SWEEP = sweepFile((m) => severalTrialStats(readOnly(m)));
const hostileValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom('NaN', 'Infinity', '-1', '1e400', '', 'abc', '12.5'),
  fc.constant(null),
  fc.constant({}),
  fc.constant([1, 2]),
  fc.boolean(),
);

/** Every path to a leaf value of a JSON document. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}
function setAt(doc: unknown, path: string[], value: unknown): void {
  let node = doc as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] ?? ''] = value;
}

describe('fuzzing: parseFile never throws, and returns clean runs or a reason', () => {
  it('arbitrary text and bytes', () => {
    const bytes = fc.uint8Array().map((b) => new TextDecoder().decode(b));
    const content = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), bytes);
    const path = fc.constantFrom('profile_export_aiperf.json', 'profile_export_aiperf.csv', 'x.jsonl');
    fc.assert(
      fc.property(content, path, (c, p) => safeParse(p, c)),
      { numRuns: 200 },
    );
  });

  const sweepDocument = { name: 'sweep_aggregate/profile_export_aiperf_sweep.json', text: SWEEP };
  const documents = [...JSON_FILES.map((name) => ({ name, text: text(name) })), sweepDocument].map((d) => ({
    ...d,
    leaves: leafPaths(JSON.parse(d.text)).filter(([key = '']) => READ_KEYS.has(key) || key.startsWith('per_comb')),
  }));

  it('real JSON files (and the sweep aggregate) with values replaced: numbers, text, null, other types', () => {
    const property = fc.property(
      fc.constantFrom(...documents),
      fc.nat(),
      fc.array(hostileValue, { minLength: 1, maxLength: 3 }),
      (document, pick, values) => {
        const doc = JSON.parse(document.text) as unknown;
        const { leaves } = document;
        values.forEach((value, i) => setAt(doc, leaves[(pick + i * 7919) % leaves.length] ?? [], value));
        return safeParse(document.name, JSON.stringify(doc));
      },
    );
    fc.assert(property, { numRuns: 200 });
  });

  it('real JSON files with a whole metric object turned into another type', () => {
    const keys = fc.constantFrom(
      ...['time_to_first_token', 'request_throughput', 'output_token_throughput', 'input_config', 'records'],
    );
    const property = fc.property(fc.constantFrom(...documents.slice(0, -1)), keys, hostileValue, (d, key, value) => {
      const doc = JSON.parse(d.text) as Json;
      doc[key] = value;
      return safeParse(d.name, JSON.stringify(doc));
    });
    fc.assert(property, { numRuns: 200 });
  });

  it('real CSV files with a random cell replaced', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('-1', 'NaN', '1e400', '"1,5"', '', 'inf'));
    const property = fc.property(fc.constantFrom(...CSV_FILES), fc.nat(), cell, (name, pick, replacement) => {
      const lines = text(name).split('\n');
      const row = pick % lines.length;
      const cells = (lines[row] ?? '').split(',');
      cells[(pick >> 4) % Math.max(cells.length, 1)] = replacement;
      lines[row] = cells.join(',');
      return safeParse(name, lines.join('\n'));
    });
    fc.assert(property, { numRuns: 200 });
  });

  it('every real file (and the sweep aggregate) truncated at a random offset', () => {
    const summaries = FILES.filter((f) => !f.endsWith('.jsonl')).map((name) => ({ name, text: text(name) }));
    const all = [...summaries, sweepDocument];
    const at = fc.double({ min: 0, max: 1, noNaN: true });
    const truncated = (f: { name: string; text: string }, where: number) =>
      safeParse(f.name, f.text.slice(0, Math.floor(f.text.length * where)));
    fc.assert(fc.property(fc.constantFrom(...all), at, truncated), { numRuns: 200 });
    const jsonl = { name: FILES[0]!, text: text(FILES[0]!) };
    fc.assert(
      fc.property(at, (where) => truncated(jsonl, where)),
      { numRuns: 30 },
    );
  });
});
