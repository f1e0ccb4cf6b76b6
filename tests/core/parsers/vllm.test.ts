/**
 * vLLM `vllm bench serve` / `vllm bench sweep` results: the real sweep fixtures (tests/fixtures/real/vllm, see
 * SOURCES.md) under their original sweep paths, the layouts no real file shows (built from a real file, following
 * vllm/benchmarks/serve.py and the older benchmarks/benchmark_serving.py), companions, refusals and fuzzing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { fuzzArbitrary, fuzzRealFile } from './servingBenchFuzz.ts';
import { reasonOf, runsOf } from './outcomes.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/vllm');
const SEQS4_RUN = 'vllm-bench-sweep-opt125m-max_num_seqs4-conc2.run=0.json';
const SEQS4_SUMMARY = 'vllm-bench-sweep-opt125m-max_num_seqs4-conc2.summary.json';
const SEQS8_RUN = 'vllm-bench-sweep-opt125m-max_num_seqs8-conc2.run=0.json';
/** Where the files were in the sweep tree (SOURCES.md): the folder names carry the swept parameters. */
const COMB4 = 'vllm_sweep_v0.25.1/SERVE--max_num_seqs=4-BENCH--max_concurrency=2-num_prompts=8';
const COMB8 = 'vllm_sweep_v0.25.1/SERVE--max_num_seqs=8-BENCH--max_concurrency=2-num_prompts=8';

const text = (name: string) => readFileSync(join(ROOT, name), 'utf8');
const realObject = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

const parse = (path: string, body: string) => runsOf(parseFile({ path, text: body }));

/** `json.dump(result_json, outfile)` as `--append-result` writes it: one object per line, Python's separators. */
function pyLine(value: Record<string, unknown>): string {
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
}

/** A plain `vllm bench serve` result made from a real sweep run: the sweep's additions taken out. */
function plainResult(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { run_number: _run, max_num_seqs: _seqs, ...result } = realObject(SEQS8_RUN);
  return { ...result, ...overrides };
}

describe('real vllm bench sweep files', () => {
  it('reads run=0.json: statistics in ms, TPOT and ITL apart, means from totals, load from max_concurrency', () => {
    const [run] = parse(`${COMB4}/run=0.json`, text(SEQS4_RUN));
    expect(run?.ttftMs).toEqual({ avg: 217.27289337468392, p50: 44.92285849846667, p99: 762.4942294094944 });
    expect(run?.tpotMs).toEqual({ avg: 8.204553624697533, p50: 8.323490332986694, p99: 9.394318119331729 });
    expect(run?.itlMs).toEqual({ avg: 8.204563008257537, p50: 7.372754000243731, p99: 22.26501848665066 });
    expect(run?.e2eMs).toEqual({ avg: 340.3411977451469, p50: 166.47808399284258, p99: 876.8009717071254 });
    expect(run?.ttstMs).toEqual({});
    expect(run?.requestsPerSecond).toBe(5.859229976904171);
    expect(run?.outputTokensPerSecond).toBe(93.74767963046673);
    expect(run?.inputTokens).toEqual({ avg: 32 }); // 256 tokens ÷ 8 completed
    expect(run?.outputTokens).toEqual({ avg: 16 }); // 128 ÷ 8
    expect(run?.derived).toEqual(['inputTokens', 'outputTokens']);
    expect(run?.requestCount).toBe(8);
    expect(run?.errorCount).toBe(0);
    expect(run?.durationS).toBe(1.3653671270003542);
    expect(run?.goodputRequestsPerSecond).toBeUndefined(); // request_goodput: null
    expect(run?.load).toEqual({ concurrency: 2 }); // request_rate "inf" + max_concurrency 2
    expect(run?.metadata).toEqual({
      model: 'facebook/opt-125m',
      backend: 'openai',
      endpointType: 'openai',
      configuration: { backend: 'openai', max_num_seqs: '4' },
    });
    expect(run?.runPath).toBe(`${COMB4}/run=0`);
    expect(run?.familyPath).toBe('vllm_sweep_v0.25.1');
    expect(run?.source).toEqual({ path: `${COMB4}/run=0.json`, tool: 'vllm', format: 'vllm-json' });
    expect(run?.notes).toContain('Peak requests in flight measured: 6.');
  });

  it('reads summary.json as its two runs, each under the run path of its run=N.json', () => {
    const runs = parse(`${COMB4}/summary.json`, text(SEQS4_SUMMARY));
    expect(runs.map((r) => r.runPath)).toEqual([`${COMB4}/run=0`, `${COMB4}/run=1`]);
    expect(runs.map((r) => r.source.format)).toEqual(['vllm-sweep-summary', 'vllm-sweep-summary']);
    const [first, second] = runs;
    expect(first?.ttftMs).toEqual({ avg: 217.27289337468392, p50: 44.92285849846667, p99: 762.4942294094944 });
    expect(second?.requestsPerSecond).toBe(12.460566958863927);
    expect(second?.outputTokensPerSecond).toBe(199.36907134182283);
    expect(second?.ttftMs).toEqual({ avg: 39.30731637592544, p50: 38.187976999324746, p99: 57.58295443694805 });
    expect(second?.e2eMs.p99).toBe(169.63662419613684);
    expect(second?.durationS).toBe(0.6420253609976498);
    expect(second?.load).toEqual({ concurrency: 2 });
  });

  it('ingests the sweep as one series per max_num_seqs, each run once although the summary repeats it', () => {
    const result = ingestFiles([
      { path: `${COMB4}/run=0.json`, text: text(SEQS4_RUN) },
      { path: `${COMB4}/summary.json`, text: text(SEQS4_SUMMARY) },
      { path: `${COMB8}/run=0.json`, text: text(SEQS8_RUN) },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.points).toHaveLength(3);
    const byId = new Map(result.points.map((p) => [p.id, p]));
    const seqs4run0 = byId.get(`${COMB4}/run=0`);
    expect(seqs4run0?.sources.map((s) => s.format)).toEqual(['vllm-json', 'vllm-sweep-summary']);
    expect(seqs4run0?.requestsPerSecond).toBe(5.859229976904171);
    expect(byId.get(`${COMB4}/run=1`)?.seriesName).toBe('vllm_sweep_v0.25.1 (max_num_seqs 4)');
    const seqs8 = byId.get(`${COMB8}/run=0`);
    expect(seqs8?.seriesName).toBe('vllm_sweep_v0.25.1 (max_num_seqs 8)');
    expect(seqs8?.requestsPerSecond).toBe(11.950037467159987);
    expect(seqs8?.ttftMs).toEqual({ avg: 46.89306787258829, p50: 43.21107800205937, p99: 75.02528442884795 });
    expect(seqs8?.load).toEqual({ concurrency: 2, origin: 'file' });
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(2);
    // Two repeats of max_num_seqs 4 at concurrency 2: kept apart, flagged.
    expect(seqs4run0?.notes).toContain(
      'Duplicate load level: 2 runs of this series share it; each is kept as its own point.',
    );
    // Mean OSL ÷ mean E2E: 16 tokens / 0.16633310224824527 s.
    expect(seqs8?.outputTokensPerSecondPerUser).toEqual({ avg: 16 / 0.16633310224824527 });
    expect(seqs8?.tpsPerUserDefinition).toBe('derived-mean-ratio');
  });

  it('under the fixture file names the same runs still merge and the two configurations still part', () => {
    const result = ingestFiles([SEQS4_RUN, SEQS4_SUMMARY, SEQS8_RUN].map((name) => ({ path: name, text: text(name) })));
    expect(result.errors).toEqual([]);
    expect(result.points.map((p) => p.id).sort()).toEqual([
      'vllm-bench-sweep-opt125m-max_num_seqs4-conc2.run=0',
      'vllm-bench-sweep-opt125m-max_num_seqs4-conc2.run=1',
      'vllm-bench-sweep-opt125m-max_num_seqs8-conc2.run=0',
    ]);
    expect([...new Set(result.points.map((p) => p.seriesName))].sort()).toEqual([
      'vllm-bench-sweep-opt125m-max_num_seqs4',
      'vllm-bench-sweep-opt125m-max_num_seqs8',
    ]);
  });
});

describe('layouts without a real file, built from a real one', () => {
  it('reads --append-result JSON Lines: one run per line, rate runs and a saturation run, one family', () => {
    const body = [
      plainResult({ request_rate: 1.0, max_concurrency: null }),
      plainResult({ request_rate: 4.0, max_concurrency: null }),
      plainResult({ request_rate: 'inf', max_concurrency: null }),
    ]
      .map(pyLine)
      .join('\n');
    const runs = parse('results/opt-rates.json', body);
    expect(runs.map((r) => r.runPath)).toEqual(['results/opt-rates#1', 'results/opt-rates#2', 'results/opt-rates#3']);
    expect(runs.map((r) => r.load)).toEqual([{ requestRate: 1 }, { requestRate: 4 }, { saturation: true }]);
    expect(runs[2]?.notes).toContain(
      'Load: request_rate "inf" with no max_concurrency: every request was sent at once (saturation); ' +
        'no rate is invented.',
    );
    const result = ingestFiles([{ path: 'results/opt-rates.json', text: body }]);
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(3);
    expect(new Set(result.points.map((p) => p.seriesName))).toEqual(new Set(['opt-rates']));
    // Open loop: y is what was achieved, the label the offered rate.
    const rate4 = result.points.find((p) => p.load.requestRate === 4);
    expect(rate4?.requestsPerSecond).toBe(11.950037467159987);
  });

  it('parts two servers measured into one file by framework / label, although both say backend "vllm"', () => {
    const body = [
      plainResult({ backend: 'vllm', framework: 'vllm', max_concurrency: 2 }),
      plainResult({ backend: 'vllm', framework: 'vllm', max_concurrency: 8 }),
      plainResult({ backend: 'vllm', framework: 'sglang', max_concurrency: 2 }),
      plainResult({ backend: 'vllm', framework: 'sglang', max_concurrency: 8 }),
    ]
      .map(pyLine)
      .join('\n');
    const result = ingestFiles([{ path: 'cmp/two-servers.json', text: body }]);
    expect(result.errors).toEqual([]);
    expect(result.points.map((p) => `${p.seriesName}@${p.load.concurrency}`).sort()).toEqual([
      'cmp / two-servers (sglang)@2',
      'cmp / two-servers (sglang)@8',
      'cmp / two-servers (vllm)@2',
      'cmp / two-servers (vllm)@8',
    ]);
    const labelled = [plainResult({ label: 'h100-tp1' }), plainResult({ label: 'h100-tp2' })].map(pyLine).join('\n');
    const names = ingestFiles([{ path: 'labels.json', text: labelled }])
      .points.map((p) => p.seriesName)
      .sort();
    expect(names).toEqual(['labels (label h100-tp1)', 'labels (label h100-tp2)']);
  });

  it('keeps --metadata key=value entries as configuration, but not per-run times', () => {
    const tagged = plainResult({ gpu: 'H100', tp: '4', timestamp: '2025-01-01T00:00:00' });
    const [run] = parse('m.json', JSON.stringify(tagged));
    expect(run?.metadata.configuration).toEqual({ backend: 'openai', gpu: 'H100', tp: '4' });
  });

  it('keeps the aggregates of a --save-detailed result and reads its per-request arrays (vllmDetailed.test.ts)', () => {
    const detailed = plainResult({
      input_lens: [32, 32],
      output_lens: [16, 16],
      ttfts: [0.04689, 0.0432],
      itls: [[0.0073, 0.0081], [0.0079]],
      generated_texts: ['a', 'b'],
      errors: ['', ''],
    });
    const [run] = parse('detailed.json', JSON.stringify(detailed, null, 4));
    expect(run?.ttftMs).toEqual({ avg: 46.89306787258829, p50: 43.21107800205937, p99: 75.02528442884795 });
    expect(run?.requests?.columns.ttftMs?.sorted).toEqual(new Float64Array([43.2, 46.89]));
    expect(run?.notes).toContain(
      'Per-request arrays (--save-detailed) read: they are in seconds, the aggregates in ms.',
    );
  });

  it('reads the older benchmark_serving.py result: "request_goodput:" key, no failed count, no endpoint_type', () => {
    // benchmarks/benchmark_serving.py (2025-03): result_json keys in this order, arrays always saved.
    const real = realObject(SEQS8_RUN);
    const old: Record<string, unknown> = { date: real['date'], backend: 'vllm', model_id: real['model_id'] };
    old['tokenizer_id'] = real['tokenizer_id'];
    old['num_prompts'] = 8;
    const traffic = ['request_rate', 'burstiness', 'max_concurrency', 'duration', 'completed'];
    const totals = ['total_input_tokens', 'total_output_tokens', 'request_throughput'];
    for (const key of [...traffic, ...totals]) old[key] = real[key];
    old['request_goodput:'] = 4.5;
    for (const key of ['output_throughput', 'total_token_throughput']) old[key] = real[key];
    for (const key of Object.keys(real).filter((k) => /_(?:ttft|tpot|itl|e2el)_ms$/.test(k))) old[key] = real[key];
    const [run] = parse('vllm-infqps-concurrency2-opt-125m-20250301-101010.json', pyLine(old));
    expect(run?.goodputRequestsPerSecond).toBe(4.5);
    expect(run?.errorCount).toBeUndefined();
    expect(run?.metadata.endpointType).toBeUndefined();
    expect(run?.metadata.configuration).toEqual({ backend: 'vllm' });
    expect(run?.requestsPerSecond).toBe(11.950037467159987);
    expect(run?.load).toEqual({ concurrency: 2 });
  });

  it('reads a percentiles_<metric>_ms list of [percentile, value] pairs', () => {
    const [run] = parse(
      'p.json',
      JSON.stringify(
        plainResult({
          percentiles_ttft_ms: [
            [90, 61.5],
            [99.9, 80.25],
          ],
        }),
      ),
    );
    expect(run?.ttftMs).toEqual({
      avg: 46.89306787258829,
      p50: 43.21107800205937,
      p90: 61.5,
      p99: 75.02528442884795,
      'p99.9': 80.25,
    });
  });

  it("groups files under vLLM's own names ({backend}-{rate}qps-concurrency{N}-{model}-{date}) into one series", () => {
    const file = (concurrency: number, time: string) => ({
      path: `res/vllm-infqps-concurrency${concurrency}-opt-125m-20250101-${time}.json`,
      text: JSON.stringify(plainResult({ max_concurrency: concurrency })),
    });
    const result = ingestFiles([file(2, '120000'), file(8, '120500')]);
    expect(result.points.map((p) => p.seriesName)).toEqual(['res / vllm-opt-125m', 'res / vllm-opt-125m']);
    expect(result.points.map((p) => p.load.concurrency).sort()).toEqual([2, 8]);
  });

  it('reads an SLA-search run: rate folder under the combination, swept input length as requested ISL', () => {
    // vllm/benchmarks/sweep/serve_sla.py: <dir>/SERVE--…-BENCH--…/request_rate=16/run=0.json
    const path = 'exp/SERVE--max_num_seqs=4-BENCH--random_input_len=1024/request_rate=16/run=0.json';
    const swept = { ...realObject(SEQS4_RUN), request_rate: 16, max_concurrency: null, random_input_len: 1024 };
    const [run] = parse(path, JSON.stringify(swept, null, 4));
    expect(run?.load).toEqual({ requestRate: 16 });
    expect(run?.metadata.targetInputTokens).toBe(1024);
    expect(run?.metadata.configuration).toEqual({ backend: 'openai', max_num_seqs: '4' });
    expect(run?.familyPath).toBe('exp');
  });
});

describe('companion files', () => {
  const sweepRecords = JSON.parse(text(SEQS4_SUMMARY)) as Array<Record<string, unknown>>;

  it.each([
    [
      'warm-up run',
      `${COMB4}/warmup.json`,
      JSON.stringify({ ...realObject(SEQS4_RUN), run_number: -1 }, null, 4),
      /warm-up run \(run_number -1\): not a measurement/,
    ],
    [
      'failure record',
      `${COMB4}/run=0.failure.json`,
      JSON.stringify(
        {
          run_number: 0,
          error_type: 'RuntimeError',
          error: 'server died',
          serve_overrides: { max_num_seqs: 4 },
          bench_overrides: {},
        },
        null,
        2,
      ),
      /failure record: this run failed \(RuntimeError: server died\)/,
    ],
    [
      'SLA search summary',
      'exp/SERVE--max_num_seqs=4/SLA--p99_e2el_ms=<=500.json',
      JSON.stringify(sweepRecords, null, 4),
      /SLA search summary/,
    ],
    [
      'sweep summary.csv',
      'exp/summary.csv',
      `,${Object.keys(sweepRecords[0] ?? {}).join(',')}\n0,${Object.values(sweepRecords[0] ?? {}).join(',')}\n`,
      /summary\.csv: a table of the sweep's run=N\.json results/,
    ],
    [
      'PyTorch-format copy',
      'res/vllm-infqps-opt-125m-20250101-120000.pytorch.json',
      JSON.stringify([
        {
          benchmark: { name: 'vLLM benchmark', extra_info: { args: {} } },
          model: { name: 'facebook/opt-125m' },
          metric: { name: 'median_ttft_ms', benchmark_values: [44.9], extra_info: {} },
        },
      ]),
      /PyTorch benchmark-format copy/,
    ],
  ])('skips the %s with a reason', (_what, path, body, reason) => {
    const outcome = parseFile({ path, text: body });
    expect(outcome.kind).toBe('skipped');
    expect(reasonOf(outcome)).toMatch(reason);
  });
});

describe('refusals name the field', () => {
  const label = 'vLLM bench serve result JSON (--save-result / --append-result, sweep run=N.json)';
  it.each([
    ['a negative latency', { mean_ttft_ms: -1 }, 'mean_ttft_ms is negative (-1)'],
    ['a number as text', { request_throughput: '12' }, 'request_throughput is the text "12", expected a number'],
    ['an unknown rate', { request_rate: 'fast' }, 'request_rate is the text "fast", expected a number or "inf"'],
    ['no successful request', { completed: 0 }, 'completed is 0: no request succeeded, so nothing was measured'],
    ['a fractional request count', { completed: 5e-324 }, 'completed is 5e-324, expected a whole number of requests'],
    [
      'a rate that overflows',
      { request_throughput: null, duration: 5e-324 },
      'completed ÷ duration is not a finite number',
    ],
    [
      'a ramp-up run',
      { ramp_up_strategy: 'linear', ramp_up_start_rps: 1, ramp_up_end_rps: 10 },
      'ramp-up run (linear, 1 → 10 req/s): the offered rate changed during the run, so it is not one load level',
    ],
    [
      'no throughput at all',
      { request_throughput: null, output_throughput: null, duration: null },
      'required metric missing: neither request throughput nor output token throughput is present',
    ],
  ])('%s', (_what, overrides, reason) => {
    const outcome = parseFile({ path: 'bad.json', text: JSON.stringify(plainResult(overrides)) });
    expect(reasonOf(outcome)).toBe(`${label}: ${reason}`);
  });

  it('names the line of a JSON Lines file', () => {
    const body = [plainResult(), plainResult({ p99_itl_ms: -3 })].map(pyLine).join('\n');
    expect(reasonOf(parseFile({ path: 'two.json', text: body }))).toBe(`${label}: line 2: p99_itl_ms is negative (-3)`);
  });
});

describe('fuzzing', () => {
  it('never throws on arbitrary text at a vLLM result path', () => {
    fuzzArbitrary('results/vllm-infqps-concurrency8-opt-125m-20250101-120000.json');
  });
  it.each([SEQS4_RUN, SEQS4_SUMMARY])('never throws on %s with values replaced, cut or made NaN/Infinity', (name) => {
    fuzzRealFile(`${COMB4}/${name.includes('summary') ? 'summary.json' : 'run=0.json'}`, text(name));
  });
  it('never throws on a mutated --append-result file', () => {
    fuzzRealFile('results/appended.json', [plainResult(), plainResult({ request_rate: 2 })].map(pyLine).join('\n'));
  });
});
