/**
 * GuideLLM benchmarks.json through parseFile and ingestFiles: the real v0.3 and 0.5.0.dev files
 * (tests/fixtures/real/guidellm, see SOURCES.md) with values read off them by hand; sweeps, the v2 report and
 * empty benchmarks built in code from those files; refusals; fuzzing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { fuzzJsonParser } from './fuzzJsonParser.ts';
import { reasonOf, runsOf } from './outcomes.ts';

const DIR = 'guidellm';
const ROOT = join(import.meta.dirname, '../../fixtures/real', DIR);
const V03 = 'guidellm-v0.3-sweep-synchronous-only-stripped.benchmarks.json';
const GPT_OSS = 'guidellm-0.5.0dev-gpt-oss-20b-synchronous.openai_gpt-oss-20b_tp4_quant-none_benchmarks.json';
const QWEN = 'guidellm-0.5.0dev-qwen3-4b-concurrent4.Qwen_Qwen3-4B-Thinking-2507_tp4_quant-fp8_benchmarks.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures
const text = (name: string) => readFileSync(join(ROOT, name), 'utf8');
/** request_latency is in seconds: the file's value in ms. */
const ms = (seconds: number) => seconds * 1000;
const doc = (name: string) => JSON.parse(text(name)) as Json;

const parseDoc = (value: Json, path = 'run/benchmarks.json') => parseFile({ path, text: JSON.stringify(value) });
const parseOne = (name: string) => runsOf(parseFile({ path: `${DIR}/${name}`, text: text(name) }));

describe('GuideLLM, real files', () => {
  it('reads the v0.3 layout: successful statistics, median as p50, request_latency in seconds, synchronous = 1', () => {
    const runs = parseOne(V03);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.source).toEqual({ path: `${DIR}/${V03}`, tool: 'guidellm', format: 'guidellm-benchmarks' });
    expect(run.load).toEqual({ concurrency: 1 });
    // successful, not total (total.mean is 16.777170465347616: one incomplete request)
    expect(run.ttftMs.avg).toBe(16.792535781860348);
    expect(run.ttftMs.p50).toBe(16.38054847717285); // `median`: this layout has no percentiles.p50
    expect(run.ttftMs.p1).toBe(15.790939331054688); // percentiles.p01
    expect(run.ttftMs.p99).toBe(21.281957626342773);
    expect(run.ttftMs['p99.9']).toBe(21.281957626342773); // percentiles.p999
    expect(run.itlMs.avg).toBe(4.941609043733832);
    expect(run.tpotMs).toEqual(run.itlMs);
    expect(run.e2eMs.avg).toBeCloseTo(ms(0.6444743664368339), 9);
    expect(run.e2eMs.p99).toBeCloseTo(ms(0.6891846656799316), 9);
    expect(run.requestsPerSecond).toBe(1.5481806532737452);
    expect(run.outputTokensPerSecond).toBe(198.13346751788123);
    expect(run.inputTokens.avg).toBe(257.1086956521739);
    expect(run.outputTokens.avg).toBe(127.99999999999999);
    expect(run.requestCount).toBe(46);
    expect(run.errorCount).toBe(0);
    expect(run.durationS).toBe(29.997201442718506);
    expect(run.metadata).toEqual({
      model: 'example_model',
      backend: 'openai_http',
      configuration: { target: 'example_target' },
      targetInputTokens: 256,
      targetOutputTokens: 128,
    });
    expect(run.notes[0]).toBe('GuideLLM v0.3 layout, benchmark 1 of 1 (synchronous).');
  });

  it('reads the 0.5 layout (synchronous): model, dataset and version from the file', () => {
    const run = parseOne(GPT_OSS)[0]!;
    expect(run.source.toolVersion).toBe('0.5.0.dev0');
    expect(run.load).toEqual({ concurrency: 1 });
    expect(run.ttftMs).toMatchObject({ avg: 48.843650817871094, p50: 47.66058921813965, p99: 60.7762336730957 });
    expect(run.itlMs).toMatchObject({ avg: 29.90631087667665, p1: 29.756030495681838 });
    expect(run.e2eMs.avg).toBeCloseTo(ms(30.64414818763733), 8);
    expect(run.requestsPerSecond).toBe(0.03333333333333333);
    expect(run.outputTokensPerSecond).toBe(33.417378943280085);
    expect(run.inputTokens).toMatchObject({ avg: 92.72, p50: 81, p99: 202 });
    expect(run.outputTokens.avg).toBe(1024);
    expect(run.requestCount).toBe(25);
    expect(run.durationS).toBe(720);
    expect(run.metadata).toEqual({
      model: 'openai/gpt-oss-20b',
      backend: 'openai_http',
      configuration: { target: 'http://0.0.0.0:8000' },
      dataset: 'aime_2024_v2.jsonl',
    });
  });

  it('reads the 0.5 layout (concurrent, 4 streams)', () => {
    const run = parseOne(QWEN)[0]!;
    expect(run.load).toEqual({ concurrency: 4 });
    expect(run.ttftMs).toMatchObject({ avg: 171.7655062675476, p99: 172.63293266296387 });
    expect(run.itlMs.avg).toBe(24.17877651496134);
    expect(run.e2eMs.avg).toBeCloseTo(ms(24.90865981578827), 8);
    expect(run.requestsPerSecond).toBe(0.12043527909470322);
    expect(run.outputTokensPerSecond).toBe(165.59511945248636);
    expect(run.inputTokens.avg).toBe(99);
    expect(run.requestCount).toBe(4);
    expect(run.metadata.model).toBe('Qwen/Qwen3-4B-Thinking-2507');
    expect(run.notes[0]).toBe('GuideLLM 0.4–0.6 layout, benchmark 1 of 1 (concurrent).');
  });

  it('ingests the folder: three files, three series, no error', () => {
    const files = readdirSync(ROOT)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ path: `${DIR}/${name}`, text: text(name) }));
    const result = ingestFiles(files);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.points.map((p) => [p.seriesName, p.load.concurrency])).toEqual([
      ['guidellm / guidellm-0.5.0dev-gpt-oss-20b-synchronous.openai_gpt-oss-20b_tp4_quant-none', 1],
      ['guidellm / guidellm-0.5.0dev-qwen3-4b-concurrent4.Qwen_Qwen3-4B-Thinking-2507_tp4_quant-fp8', 4],
      ['guidellm / guidellm-v0.3-sweep-synchronous-only-stripped', 1],
    ]);
    expect(result.points.every((p) => p.load.origin === 'file')).toBe(true);
  });
});

/**
 * A v0.3 sweep as GuideLLM writes it (guidellm v0.3.0 `benchmark/benchmark.py`: one GenerativeBenchmark per
 * strategy, `args.strategy` = SynchronousStrategy | ThroughputStrategy | AsyncConstantStrategy{rate} |
 * AsyncPoissonStrategy{rate} | ConcurrentStrategy{streams}), built from the real stripped sweep by giving copies of
 * its benchmark those strategies.
 */
function v03Sweep(): Json {
  const real = doc(V03);
  const [benchmark] = real['benchmarks'] as Json[];
  const strategies: Json[] = [
    { type_: 'synchronous' },
    { type_: 'throughput' },
    { type_: 'constant', rate: 2.5, initial_burst: true },
    { type_: 'poisson', rate: 5, initial_burst: true },
    { type_: 'concurrent', streams: 8 },
  ];
  const benchmarks = strategies.map((strategy, index) => {
    const copy = structuredClone(benchmark) as Json;
    copy['args']['strategy'] = strategy;
    copy['args']['strategy_index'] = index;
    copy['metrics']['requests_per_second']['successful']['mean'] = 1 + index;
    return copy;
  });
  return { ...real, benchmarks };
}

describe('GuideLLM sweeps (several benchmarks in one file)', () => {
  it('gives one run per benchmark, the strategy as its load level, one family', () => {
    const runs = runsOf(parseDoc(v03Sweep(), 'sweep/benchmarks.json'));
    expect(runs.map((r) => r.load)).toEqual([
      { concurrency: 1 },
      { saturation: true },
      { requestRate: 2.5 },
      { requestRate: 5 },
      { concurrency: 8 },
    ]);
    expect(runs.map((r) => r.requestsPerSecond)).toEqual([1, 2, 3, 4, 5]);
    expect(runs.map((r) => r.runPath)).toEqual(['sweep#1', 'sweep#2', 'sweep#3', 'sweep#4', 'sweep#5']);
    expect(new Set(runs.map((r) => r.familyPath))).toEqual(new Set(['sweep']));
    expect(runs[3]!.notes).toContain('Poisson-rate strategy at 5 req/s offered.');
  });

  it('ingests one sweep as one series', () => {
    const result = ingestFiles([{ path: 'sweep/benchmarks.json', text: JSON.stringify(v03Sweep()) }]);
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(5);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
    expect(result.points.find((p) => p.load.saturation)?.requestsPerSecond).toBe(2);
  });

  it('leaves out a benchmark without successful requests and says so; refuses a file with none', () => {
    const sweep = v03Sweep();
    sweep['benchmarks'][1]['request_totals'] = { successful: 0, errored: 12, incomplete: 0, total: 12 };
    const runs = runsOf(parseDoc(sweep));
    expect(runs.map((r) => r.load)).toEqual([
      { concurrency: 1 },
      { requestRate: 2.5 },
      { requestRate: 5 },
      { concurrency: 8 },
    ]);
    expect(runs[0]!.notes).toContain(
      "Left out of this file's sweep, no successful requests: benchmark 2 of 5 (throughput).",
    );
    for (const benchmark of sweep['benchmarks']) benchmark['request_totals']['successful'] = 0;
    expect(reasonOf(parseDoc(sweep))).toBe(
      'GuideLLM benchmarks JSON (benchmarks.json): no benchmark has successful requests',
    );
  });

  it('leaves the load level to the path for a strategy without one (trace replay)', () => {
    const sweep = v03Sweep();
    sweep['benchmarks'] = [sweep['benchmarks'][0]];
    sweep['benchmarks'][0]['args']['strategy'] = { type_: 'trace', time_scale: 1 };
    expect(runsOf(parseDoc(sweep))[0]!.load).toBeNull();
    const result = ingestFiles([{ path: 'replay-qps4/benchmarks.json', text: JSON.stringify(sweep) }]);
    expect(result.points[0]!.load).toEqual({ requestRate: 4, origin: 'path' });
  });
});

/**
 * The report v2 layout (guidellm v0.7.3, commit 39383552962841086d05e25c37b58a83ef06c758:
 * `benchmark/schemas/report.py` GenerativeBenchmarksReport = {metadata: {version: 2, guidellm_version, …},
 * config: BenchmarkScenario = {metadata: {labels}, spec: {backend: {kind, target, model}, data: [DataArgs]},
 * benchmarks}, benchmarks: [GenerativeBenchmark]}; `schemas/metrics.py` adds time_to_first_output_token_ms and
 * tool_call), built from the real 0.5 concurrent file: its benchmarks kept, the top level rewritten.
 */
function v2Report(): Json {
  const real = doc(QWEN);
  const benchmarks = (real['benchmarks'] as Json[]).map((benchmark) => {
    const copy = structuredClone(benchmark) as Json;
    copy['metrics']['time_to_first_output_token_ms'] = copy['metrics']['time_to_first_token_ms'];
    copy['metrics']['tool_call'] = { tokens: null, mixed_tokens: null, count: null };
    return copy;
  });
  return {
    metadata: { ...real['metadata'], version: 2, guidellm_version: '0.7.3' },
    config: {
      metadata: { labels: { name: 'qwen3-4b-fp8' } },
      spec: {
        backend: { kind: 'openai_http', target: 'http://0.0.0.0:8000', model: 'Qwen/Qwen3-4B-Thinking-2507' },
        profile: { kind: 'concurrent', streams: [4] },
        data: [{ kind: 'synthetic_text', prompt_tokens: 512, output_tokens: 1024 }],
      },
      benchmarks: [null],
    },
    benchmarks,
  };
}

describe('GuideLLM report v2', () => {
  it('reads the benchmarks as in 0.5, the backend, lengths and labels from the scenario', () => {
    const run = runsOf(parseDoc(v2Report()))[0]!;
    expect(run.source.toolVersion).toBe('0.7.3');
    expect(run.notes[0]).toBe('GuideLLM report v2, benchmark 1 of 1 (concurrent).');
    expect(run.load).toEqual({ concurrency: 4 });
    expect(run.ttftMs.avg).toBe(171.7655062675476);
    expect(run.outputTokensPerSecond).toBe(165.59511945248636);
    expect(run.metadata).toEqual({
      model: 'Qwen/Qwen3-4B-Thinking-2507',
      backend: 'openai_http',
      configuration: { target: 'http://0.0.0.0:8000', name: 'qwen3-4b-fp8' },
      targetInputTokens: 512,
      targetOutputTokens: 1024,
    });
  });

  it('takes the model from the scenario when the benchmark config has none', () => {
    const report = v2Report();
    delete report['benchmarks'][0]['config']['backend']['model'];
    report['config']['spec']['backend']['model'] = 'from-the-scenario';
    expect(runsOf(parseDoc(report))[0]!.metadata.model).toBe('from-the-scenario');
  });
});

describe('GuideLLM refusals', () => {
  const withMetric = (key: string, value: unknown) => {
    const file = doc(V03);
    file['benchmarks'][0]['metrics'][key]['successful'] = value;
    return parseDoc(file);
  };

  it('refuses a file without any throughput', () => {
    const file = doc(V03);
    delete file['benchmarks'][0]['metrics']['requests_per_second'];
    delete file['benchmarks'][0]['metrics']['output_tokens_per_second'];
    expect(reasonOf(parseDoc(file))).toContain('neither request throughput nor output token throughput');
  });

  it('refuses a negative or non-numeric statistic, naming it', () => {
    const ttft = doc(V03)['benchmarks'][0]['metrics']['time_to_first_token_ms']['successful'];
    expect(reasonOf(withMetric('time_to_first_token_ms', { ...ttft, mean: -3 }))).toContain(
      'benchmarks[0].metrics.time_to_first_token_ms.successful.mean is negative (-3)',
    );
    expect(reasonOf(withMetric('request_latency', 'fast'))).toContain(
      'benchmarks[0].metrics.request_latency.successful is not an object',
    );
  });

  it('refuses a concurrent or rate strategy without its number', () => {
    const file = doc(V03);
    file['benchmarks'][0]['args']['strategy'] = { type_: 'constant' };
    expect(reasonOf(parseDoc(file))).toContain('benchmarks[0]: constant strategy without a positive rate');
    file['benchmarks'][0]['args']['strategy'] = { type_: 'concurrent' };
    expect(reasonOf(parseDoc(file))).toContain('benchmarks[0]: concurrent strategy without a stream count');
  });
});

describe('GuideLLM fuzzing', () => {
  it('never throws on the v0.3 file, mutated or cut', () => {
    fuzzJsonParser(`${DIR}/${V03}`, text(V03));
  });

  it('never throws on the 0.5 file, mutated or cut', () => {
    fuzzJsonParser(`${DIR}/${QWEN}`, text(QWEN), 100);
  });
});
