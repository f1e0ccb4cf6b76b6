/**
 * The real per-request fixtures, read by the app and checked against figures computed independently by
 * tests/fixtures/perRequestOracle.py (Python's json module and numpy.percentile; its output is copied below).
 * Percentiles must agree to the bit (numpy's linear interpolation); means to 1e-9 ms (numpy sums pairwise).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointGoodput, prepareSla } from '../../../src/core/analysis/goodput.ts';
import { slaMetricValue } from '../../../src/core/analysis/metrics.ts';
import type { LoadPoint, Stat } from '../../../src/core/model/benchmark.ts';
import type { SlaConstraint, SlaMetric } from '../../../src/core/model/scenario.ts';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { columnStat } from '../../../src/core/model/requestSamples.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function onePoint(files: Array<{ path: string; text: string }>): LoadPoint {
  const result = ingestFiles(files);
  expect(result.errors).toEqual([]);
  expect(result.skipped).toEqual([]);
  expect(result.points).toHaveLength(1);
  return result.points[0]!;
}

/** Percentiles exactly, the mean to 1e-9. */
function expectStats(point: LoadPoint, metric: SlaMetric, expected: Record<string, number>): void {
  for (const [stat, value] of Object.entries(expected)) {
    const actual = slaMetricValue(point, metric, stat as Stat);
    if (stat === 'avg') expect(actual, `${metric} avg`).toBeCloseTo(value, 9);
    else expect(actual, `${metric} ${stat}`).toBe(value);
  }
}

const upper = (metric: SlaMetric, bound: number): SlaConstraint => ({ metric, stat: 'p99', bound });
const lower = (bound: number): SlaConstraint => ({ metric: 'tpsPerUser', stat: 'avg', bound });

describe('GenAI-Perf raw export, NIM llama3-8b at concurrency 1 (perf_analyzer 2.48.0)', () => {
  const SWEEP = 'genai-perf/nim-llama3-8b-sweep-c1-250';
  const RUN = 'meta_llama3-8b-instruct-openai-chat-concurrency1';
  const raw = { path: `${RUN}/200_50.json`, text: read(`${SWEEP}/${RUN}.200_50.profile_export_raw.json`) };
  const summary = {
    path: `${RUN}/profile_export_genai_perf.json`,
    text: read(`${SWEEP}/${RUN}.profile_export_genai_perf.json`),
  };

  it('alone: every statistic from the 53 requests, load from the experiment, GenAI-Perf’s throughput window', () => {
    const p = onePoint([raw]);
    expect(p.load).toEqual({ concurrency: 1, origin: 'file' });
    expect(p.requests?.count).toBe(53);
    expect(p.errorCount).toBe(0);
    expect(p.requestsPerSecond).toBe(1.493283826497263);
    expect(p.derived).toEqual(expect.arrayContaining(['requestsPerSecond', 'outputTokensPerSecond']));
    expectStats(p, 'ttft', {
      avg: 24.624190792452826,
      p50: 24.530688,
      p90: 25.35552,
      p99: 26.26722816,
      'p99.9': 26.309999616,
    });
    expectStats(p, 'e2e', {
      avg: 669.5751824905659,
      p50: 667.696128,
      p90: 674.302976,
      p99: 675.5541094399999,
      'p99.9': 675.807263744,
    });
    // Per streamed chunk; here every chunk is one token (usage: 50 completion tokens), so TPOT is the same.
    expectStats(p, 'itl', {
      avg: 13.162265136696188,
      p50: 13.135454040816327,
      p90: 13.248236146938774,
      p99: 13.267042638367347,
    });
    expectStats(p, 'tpot', { p99: 13.267042638367348, 'p99.9': 13.268646598530612 });
    expectStats(p, 'tpsPerUser', { avg: 74.67654784282168, p50: 74.88436416393297, p99: 75.26139348703596 });
    expect(p.outputTokens.avg).toBe(50);
    expect(p.inputTokens.p99).toBe(197.39999999999998);
    expect(p.notes.some((n) => n.includes('per chunk'))).toBe(true);
  });

  it('TTFT agrees with GenAI-Perf’s own summary to a microsecond (ns timestamps read as doubles)', () => {
    // The oracle's exact-integer mean is the summary's figure: 24.62418879245283.
    expect(onePoint([raw]).ttftMs.avg).toBeCloseTo(24.62418879245283, 5);
  });

  it('goodput at two SLAs', () => {
    const p = onePoint([raw]);
    expect(pointGoodput(p, prepareSla([upper('ttft', 25)]))).toEqual({
      known: true,
      good: 40,
      total: 53,
      completed: 53,
      percent: 75.47169811320755,
      requestsPerSecond: 1.1270066615073684,
    });
    const b = pointGoodput(p, prepareSla([upper('ttft', 25), upper('e2e', 670), lower(74.5)]));
    expect(b).toMatchObject({ good: 28, percent: 52.83018867924528 });
    expect(b.known && b.requestsPerSecond).toBeCloseTo(0.7889046630551577, 15);
  });

  it('with its summary: one point, the summary’s statistics as printed, the rest from the requests', () => {
    const p = onePoint([summary, raw]);
    expect(p.sources.map((s) => s.format)).toEqual(['genai-perf-json', 'genai-perf-raw']);
    expect(p.ttftMs.p99).toBe(26.267317079999998); // the summary's
    expect(slaMetricValue(p, 'ttft', 'p99.9')).toBe(26.309999616); // from the requests
    // The summary's ITL counts tokenizer tokens; per-chunk values do not complete it.
    expect(p.itlMs.avg).toBe(11.378780509433962);
    expect(slaMetricValue(p, 'itl', 'p99.9')).toBeUndefined();
    expect(p.requestsPerSecond).toBe(1.4932838222478375); // the summary's, so goodput uses it
    const g = pointGoodput(p, prepareSla([upper('ttft', 25)]));
    expect(g.known && g.requestsPerSecond).toBe((1.4932838222478375 * 40) / 53);
  });
});

describe('AIPerf profile_export.jsonl, gpt-oss-20b at concurrency 100 (aiperf ~0.1.1)', () => {
  const file = {
    path: 'gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export.jsonl',
    text: read('aiperf/gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export.jsonl'),
  };

  it('100 records, 11 cancelled (failed), statistics of the 89 completed as AIPerf’s summary prints them', () => {
    const p = onePoint([file]);
    expect(p.load).toEqual({ concurrency: 100, origin: 'path' });
    expect(p.requestCount).toBe(100);
    expect(p.errorCount).toBe(11);
    // AIPerf's summary: 9.551622221540914, from exact ns integers; here they are doubles (2^53 < 1.76e18).
    expect(p.requestsPerSecond).toBeCloseTo(9.551622221540914, 7);
    expectStats(p, 'ttft', {
      avg: 2343.219436988764,
      p50: 2369.317693,
      p90: 3796.931168,
      p99: 3833.38940004,
      'p99.9': 3851.810620704,
    });
    expectStats(p, 'e2e', {
      avg: 9059.654633033706,
      p50: 9097.345014999999,
      p99: 9297.609933759999,
      'p99.9': 9299.556371176,
    });
    expectStats(p, 'itl', {
      avg: 27.763065454471803,
      p50: 27.615130366666666,
      p90: 32.87232279340302,
      'p99.9': 34.747743513656914,
    });
    expectStats(p, 'tpot', { p99: 33.73224787406911 });
    expectStats(p, 'tpsPerUser', { avg: 36.68434853220158, p99: 45.08374026172235, 'p99.9': 45.18105239197611 });
    expect(p.tpsPerUserDefinition).toBe('inverse-itl');
  });

  it('goodput at two SLAs, the cancelled requests counted as not good', () => {
    const p = onePoint([file]);
    const a = pointGoodput(p, prepareSla([upper('ttft', 2000)]));
    expect(a).toMatchObject({ known: true, good: 37, total: 100, completed: 89, percent: 37 });
    expect(a.known && a.requestsPerSecond).toBeCloseTo(3.9708991258091437, 7);
    const b = pointGoodput(p, prepareSla([upper('ttft', 3000), upper('itl', 30), lower(33)]));
    expect(b).toMatchObject({ good: 30, total: 100, percent: 30 });
    expect(b.known && b.requestsPerSecond).toBeCloseTo(3.2196479398452515, 7);
  });
});

describe('LLMPerf individual responses, Fireworks llama-2-70b (leaderboard)', () => {
  const DIR = 'llmperf';
  const stem = 'llmperf-leaderboard-fireworks_70b.llama-v2-70b-chat_550_150';
  const individual = {
    path: `${DIR}/${stem}_individual_responses.json`,
    text: read(`${DIR}/${stem}_individual_responses.json`),
  };
  const summary = { path: `${DIR}/${stem}_summary.json`, text: read(`${DIR}/${stem}_summary.json`) };

  it('150 requests in seconds → ms; with its summary, its load and requests/s', () => {
    const p = onePoint([summary, individual]);
    expect(p.load).toEqual({ concurrency: 5, origin: 'file' });
    expect(p.requests?.count).toBe(150);
    // The summary's statistics stay (LLMPerf's pandas quantiles): the same figures as from the requests.
    expect(p.ttftMs.p99).toBe(0.9514515243999448 * 1000);
    expect(p.ttftMs.p90).toBeCloseTo(636.1946695999221, 9); // the summary's seconds × 1000 vs the oracle's
    expectStats(p, 'ttft', { 'p99.9': 957.3405795779893 });
    expectStats(p, 'e2e', { 'p99.9': 4543.719877394002 });
    // TPOT is not in LLMPerf's summary: all from the requests.
    expectStats(p, 'tpot', {
      avg: 21.8160757882564,
      p50: 21.63898208666675,
      p90: 23.966366727333178,
      p99: 25.916682680532716,
      'p99.9': 26.28403315192674,
    });
    expectStats(p, 'tpsPerUser', { 'p99.9': 15.742155730068923 });
    expect(slaMetricValue(p, 'itl', 'p50')).toBeUndefined(); // LLMPerf's ITL includes TTFT: not an ITL
  });

  it('goodput at two SLAs against the summary’s requests/s', () => {
    const p = onePoint([summary, individual]);
    const a = pointGoodput(p, prepareSla([upper('ttft', 500)]));
    expect(a).toMatchObject({ good: 64, total: 150, percent: 42.66666666666667 });
    expect(a.known && a.requestsPerSecond).toBeCloseTo(0.46169324558967456, 15);
    const b = pointGoodput(p, prepareSla([upper('ttft', 600), upper('e2e', 4000), lower(13)]));
    expect(b).toMatchObject({ good: 99, total: 150, percent: 66 });
    expect(b.known && b.requestsPerSecond).toBeCloseTo(0.7141817392715278, 15);
  });
});

describe('GuideLLM request samples inside benchmarks.json, gpt-oss-20b synchronous (guidellm 0.5.0.dev0)', () => {
  const name = 'guidellm-0.5.0dev-gpt-oss-20b-synchronous.openai_gpt-oss-20b_tp4_quant-none_benchmarks.json';
  const file = { path: `guidellm/${name}`, text: read(`guidellm/${name}`) };

  it('30 samples beside statistics of 25 requests: the statistics stay, the samples are labelled as such', () => {
    const p = onePoint([file]);
    expect(p.requests).toMatchObject({ count: 30, okCount: 30, sampled: true });
    expect(p.requestCount).toBe(25);
    expect(p.ttftMs.avg).toBe(48.843650817871094); // GuideLLM's own, not the samples' 55.37
    expect(slaMetricValue(p, 'ttft', 'p97.5')).toBeUndefined(); // its percentiles are not numpy's: not mixed
    expect(columnStat(p.requests!.columns.ttftMs!, 'p99')).toBe(151.75008296966558);
    expect(columnStat(p.requests!.columns.itlMs!, 'p99.9')).toBe(37.53355357420878);
    expect(columnStat(p.requests!.columns.e2eMs!, 'p90')).toBe(30868.823885917664);
    // Tokens/s per user is not in GuideLLM's statistics: from the samples (output tokens ÷ latency).
    expectStats(p, 'tpsPerUser', { avg: 33.15285459458189, p50: 33.37995429834464, 'p99.9': 33.586419977418224 });
    expect(p.notes.some((n) => n.includes('goodput is that of the samples'))).toBe(true);
  });

  it('goodput of the samples at two SLAs', () => {
    const p = onePoint([file]);
    const a = pointGoodput(p, prepareSla([upper('ttft', 50)]));
    expect(a).toMatchObject({ good: 23, total: 30, percent: 76.66666666666667 });
    expect(a.known && a.requestsPerSecond).toBeCloseTo(0.025555555555555554, 15);
    const b = pointGoodput(p, prepareSla([upper('ttft', 60), upper('itl', 37.8), lower(26.3)]));
    expect(b).toMatchObject({ good: 26, total: 30, percent: 86.66666666666667 });
  });
});
