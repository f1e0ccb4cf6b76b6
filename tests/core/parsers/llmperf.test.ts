/**
 * LLMPerf (ray-project/llmperf token_benchmark_ray.py) through parseFile and ingestFiles: the real leaderboard files
 * (tests/fixtures/real/llmperf, see SOURCES.md) with values read off them by hand, summaries collected in one object
 * keyed by load level (built from a real summary), refusals, and fuzzing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { fuzzJsonParser } from './fuzzJsonParser.ts';
import { reasonOf, runsOf } from './outcomes.ts';

const DIR = 'llmperf';
const ROOT = join(import.meta.dirname, '../../fixtures/real', DIR);
const FIREWORKS = 'llmperf-leaderboard-fireworks_70b.llama-v2-70b-chat_550_150_summary.json';
const TOGETHER = 'llmperf-leaderboard-together_70b.llama-v2-70b-chat_550_150_summary.json';
const INDIVIDUAL = 'llmperf-leaderboard-fireworks_70b.llama-v2-70b-chat_550_150_individual_responses.json';

const text = (name: string) => readFileSync(join(ROOT, name), 'utf8');
/** The file's seconds in ms. */
const ms = (seconds: number) => seconds * 1000;
const summary = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

const parseOne = (name: string) => runsOf(parseFile({ path: `${DIR}/${name}`, text: text(name) }))[0]!;

describe('LLMPerf summary, real leaderboard files', () => {
  it('reads the Fireworks summary: seconds → ms, per-minute requests → per second, text token counts', () => {
    const run = parseOne(FIREWORKS);
    expect(run.source).toEqual({ path: `${DIR}/${FIREWORKS}`, tool: 'llmperf', format: 'llmperf-summary' });
    expect(run.load).toEqual({ concurrency: 5 });
    expect(run.ttftMs.avg).toBeCloseTo(ms(0.5115081730199972), 9);
    expect(run.ttftMs.p99).toBeCloseTo(ms(0.9514515243999448), 9);
    expect(run.e2eMs.avg).toBeCloseTo(ms(3.772853504139998), 9);
    expect(run.e2eMs.p50).toBeCloseTo(ms(3.772186518500007), 9);
    expect(Object.keys(run.ttftMs).sort()).toEqual(['avg', 'max', 'min', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99']);
    // Its inter-token latency includes TTFT: neither ITL nor TPOT, kept out and named in a note.
    expect(run.itlMs).toEqual({});
    expect(run.tpotMs).toEqual({});
    expect(run.notes.some((note) => note.includes('mean 24.46 ms') && note.includes('TTFT included'))).toBe(true);
    expect(run.outputTokensPerSecondPerUser.avg).toBe(13.59708686525801);
    expect(run.outputTokensPerSecondPerUser.p90).toBe(14.73319951663795);
    expect(run.tpsPerUserDefinition).toBe('osl-over-e2e');
    expect(run.outputTokensPerSecond).toBe(162.86950633872);
    expect(run.requestsPerSecond).toBeCloseTo(64.92561266104798 / 60, 12);
    expect(run.derived).toEqual(['requestsPerSecond']);
    expect(run.inputTokens.avg).toBe(550);
    expect(run.outputTokens).toMatchObject({ avg: 150.51333333333332, min: 100, max: 151, p50: 151 });
    expect(run.notes.some((note) => note.includes('written as text'))).toBe(true);
    expect(run.requestCount).toBe(150);
    expect(run.errorCount).toBe(0);
    expect(run.metadata).toEqual({
      model: 'accounts/fireworks/models/llama-v2-70b-chat',
      framework: 'fireworks',
      targetInputTokens: 550,
      targetOutputTokens: 150,
      configuration: { model_size: '70b', api: 'https://api.fireworks.ai/inference/v1' },
    });
  });

  it('reads the Together summary', () => {
    const run = parseOne(TOGETHER);
    expect(run.load).toEqual({ concurrency: 5 });
    expect(run.ttftMs.avg).toBeCloseTo(ms(0.622329721273333), 9);
    expect(run.ttftMs.p99).toBeCloseTo(ms(0.8708675934700044), 9);
    expect(run.e2eMs.p50).toBeCloseTo(ms(2.4384245429999964), 9);
    expect(run.outputTokensPerSecond).toBe(216.45553311958628);
    expect(run.requestsPerSecond).toBeCloseTo(81.89078137274691 / 60, 12);
    expect(run.outputTokens).toMatchObject({ avg: 158.59333333333333, min: 41, max: 188 });
    expect(run.metadata.model).toBe('together_ai/togethercomputer/llama-2-70b-chat');
    expect(run.metadata.configuration).toEqual({ model_size: '70b' });
  });

  it('reads the individual responses as per-request data (figures in perRequestReal.test.ts)', () => {
    const run = parseOne(INDIVIDUAL);
    expect(run.source.format).toBe('llmperf-individual-responses');
    expect(run.requests?.count).toBe(150);
    expect(run.load).toBeNull(); // from the summary of the same run
  });

  it('ingests the folder: two points at concurrency 5 in two series, the per-request file joining its summary', () => {
    const files = readdirSync(ROOT)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ path: `${DIR}/${name}`, text: text(name) }));
    const result = ingestFiles(files);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.points[0]!.sources.map((s) => s.format)).toEqual(['llmperf-summary', 'llmperf-individual-responses']);
    expect(result.points.map((p) => [p.seriesName, p.load])).toEqual([
      ['llmperf / llmperf-leaderboard-fireworks_70b.llama-v2-70b-chat_550_150', { concurrency: 5, origin: 'file' }],
      ['llmperf / llmperf-leaderboard-together_70b.llama-v2-70b-chat_550_150', { concurrency: 5, origin: 'file' }],
    ]);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(2);
    expect(result.points[0]!.requestsPerSecond).toBeCloseTo(1.08209354435, 10);
    expect(result.points[0]!.derived).toEqual(['requestsPerSecond']);
  });
});

describe('LLMPerf summaries collected in one object keyed by load level', () => {
  // A wrapper script's output (seen in public result repos): {"<concurrency>": <summary as the tool writes it>}.
  const fireworks = summary(FIREWORKS);
  const collect = (entries: Record<string, Record<string, unknown>>) =>
    parseFile({ path: 'sweep/llmperf_results.json', text: JSON.stringify(entries) });
  const atConcurrency = (c: number) => ({ ...fireworks, num_concurrent_requests: c });

  it('gives one run per key, all of one sweep', () => {
    const runs = runsOf(collect({ 1: atConcurrency(1), 2: atConcurrency(2), 4: atConcurrency(4) }));
    expect(runs.map((r) => r.load)).toEqual([{ concurrency: 1 }, { concurrency: 2 }, { concurrency: 4 }]);
    expect(runs.map((r) => r.runPath)).toEqual([1, 2, 4].map((c) => `sweep/llmperf_results#${c}`));
    expect(new Set(runs.map((r) => r.familyPath))).toEqual(new Set(['sweep/llmperf_results']));
    expect(runs[0]!.source.format).toBe('llmperf-summary-collection');
    expect(runs[2]!.ttftMs.avg).toBeCloseTo(ms(0.5115081730199972), 9);
  });

  it('ingests as one series of three points', () => {
    const entries = { 1: atConcurrency(1), 2: atConcurrency(2), 4: atConcurrency(4) };
    const result = ingestFiles([{ path: 'sweep/llmperf_results.json', text: JSON.stringify(entries) }]);
    expect(result.errors).toEqual([]);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
    expect(result.points.map((p) => p.load.concurrency).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 4]);
  });

  it('takes the concurrency from the key when the summary has none, and says when the two disagree', () => {
    const { num_concurrent_requests: _dropped, ...withoutLoad } = fireworks;
    const runs = runsOf(collect({ 8: withoutLoad, 16: atConcurrency(5) }));
    expect(runs[0]!.load).toEqual({ concurrency: 8 });
    expect(runs[0]!.notes.some((n) => n.includes("Concurrency 8 from the summary's key"))).toBe(true);
    expect(runs[1]!.load).toEqual({ concurrency: 5 });
    expect(runs[1]!.notes.some((n) => n.includes('key "16"') && n.includes('num_concurrent_requests 5'))).toBe(true);
  });

  it('refuses an entry that is not a summary, naming it', () => {
    const reason = reasonOf(collect({ 1: atConcurrency(1), notes: { comment: 'x' } }));
    expect(reason).toContain('entry "notes" is not an LLMPerf summary');
  });
});

describe('LLMPerf refusals and lenient reading', () => {
  const fireworks = summary(FIREWORKS);
  const parseSummary = (doc: Record<string, unknown>, raw?: string) =>
    parseFile({ path: 'x/m_550_150_summary.json', text: raw ?? JSON.stringify(doc) });

  it('refuses a summary without any throughput', () => {
    const rest = { ...fireworks };
    delete rest['results_num_completed_requests_per_min'];
    delete rest['results_mean_output_throughput_token_per_s'];
    expect(reasonOf(parseSummary(rest))).toContain('neither request throughput nor output token throughput');
  });

  it('refuses a negative or non-numeric value, naming the field', () => {
    const withTtft = (value: unknown) => reasonOf(parseSummary({ ...fireworks, results_ttft_s_mean: value }));
    expect(withTtft(-0.5)).toContain('results_ttft_s_mean is negative');
    expect(withTtft('0.5')).toContain('results_ttft_s_mean is the text "0.5"');
    expect(reasonOf(parseSummary({ ...fireworks, results_number_output_tokens_min: 'n/a' }))).toContain(
      'results_number_output_tokens_min is the text "n/a", not a count',
    );
  });

  it('reads the bare NaN pandas writes for the stddev of one request as "not reported"', () => {
    const key = '"results_ttft_s_stddev":';
    const raw = JSON.stringify({ ...fireworks, results_ttft_s_stddev: 0 }).replace(`${key}0,`, `${key}NaN,`);
    expect(raw).toContain(':NaN');
    expect(runsOf(parseSummary(fireworks, raw))[0]!.ttftMs.avg).toBeCloseTo(ms(0.5115081730199972), 9);
  });
});

describe('LLMPerf fuzzing', () => {
  it('never throws on the summary, mutated or cut', () => {
    fuzzJsonParser(`${DIR}/${FIREWORKS}`, text(FIREWORKS));
  });

  it('never throws on a collection of summaries, mutated or cut', () => {
    const collection = JSON.stringify({ 1: summary(FIREWORKS), 5: summary(TOGETHER) });
    fuzzJsonParser('sweep/llmperf_results.json', collection, 100);
  });
});
