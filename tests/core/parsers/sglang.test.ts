/**
 * SGLang `bench_serving` JSONL: the real 0.5.5 fixtures (tests/fixtures/real/sglang, see SOURCES.md), the layouts
 * no real file shows (built from a real line, following python/sglang/bench_serving.py), refusals and fuzzing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { fuzzArbitrary, fuzzRealFile } from './servingBenchFuzz.ts';
import { runsOf } from './outcomes.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/sglang');
const C8 = 'sglang-0.5.5-qwen2.5-3b.agg_n100_in128_out128_c8.jsonl';
const C32 = 'sglang-0.5.5-qwen2.5-3b.agg_n100_in128_out128_c32.jsonl';
const PD = 'sglang-0.5.5-qwen2.5-3b.pd_1p1d_n100_in512_out128_c64.jsonl';
const LABEL = 'SGLang bench_serving JSONL (--output-file)';

const text = (name: string) => readFileSync(join(ROOT, name), 'utf8');
/** The real line with textual edits, so everything else stays as Python wrote it (bare Infinity included). */
function edited(name: string, ...edits: Array<[string, string]>): string {
  return edits.reduce((line, [from, to]) => {
    if (!line.includes(from)) throw new Error(`${name} has no ${from}`);
    return line.replace(from, to);
  }, text(name).trimEnd());
}
/** The real line as an object (its bare Infinity read as null). */
const realObject = (name: string) => JSON.parse(text(name).replace(': Infinity', ': null')) as Record<string, unknown>;
/** `json.dumps(result)`: Python's separators. */
const pyLine = (value: Record<string, unknown>) =>
  `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;

const parse = (path: string, body: string) => runsOf(parseFile({ path, text: body }));
const reason = (path: string, body: string) => {
  const outcome = parseFile({ path, text: body });
  if (outcome.kind === 'runs') throw new Error('expected no runs');
  return outcome.reason;
};

describe('real SGLang 0.5.5 lines', () => {
  it('reads the max_concurrency 8 run: ms statistics, TPOT and ITL apart, server metadata', () => {
    const [run] = parse(`results/${C8}`, text(C8));
    expect(run?.ttftMs).toEqual({ avg: 28.385840514674783, p50: 22.6287511177361, p99: 54.572048513218775 });
    expect(run?.tpotMs).toEqual({ avg: 5.218944320881992, p50: 5.097699021510045, p99: 8.085301617958724 });
    expect(run?.itlMs).toEqual({
      avg: 5.112417718230159,
      p50: 3.5979817621409893,
      p95: 17.85111976787448,
      p99: 22.35477853566408,
    });
    expect(run?.e2eMs).toEqual({ avg: 339.22403649426997, p50: 330.32854506745934, p99: 711.8622327689087 });
    expect(run?.requestsPerSecond).toBe(22.909936340661435);
    expect(run?.outputTokensPerSecond).toBe(1415.8340658528766);
    expect(run?.inputTokensPerSecond).toBe(1407.8155881336452);
    expect(run?.inputTokens).toEqual({ avg: 61.45 }); // 6145 ÷ 100
    expect(run?.outputTokens).toEqual({ avg: 61.8 }); // 6180 ÷ 100
    expect(run?.derived).toEqual(['inputTokens', 'outputTokens']);
    expect(run?.requestCount).toBe(100);
    expect(run?.durationS).toBe(4.364918283186853);
    expect(run?.errorCount).toBeUndefined(); // SGLang writes no failure count
    expect(run?.load).toEqual({ concurrency: 8 }); // max_concurrency; request_rate Infinity
    expect(run?.notes).toContain(
      'Measured mean requests in flight (SGLang "concurrency" = Σ request latency ÷ duration): 7.771601081305936; ' +
        'not the load level.',
    );
    expect(run?.metadata).toEqual({
      model: 'Qwen/Qwen2.5-3B-Instruct',
      backend: 'sglang',
      framework: 'sglang',
      dataset: 'random',
      targetInputTokens: 128,
      targetOutputTokens: 128,
      configuration: { random_range_ratio: '0', disaggregation: 'none', tp: '1' },
    });
    expect(run?.source).toEqual({
      path: `results/${C8}`,
      tool: 'sglang',
      format: 'sglang-jsonl',
      toolVersion: '0.5.5.post3',
    });
    expect(run?.runPath).toBe('results/sglang-0.5.5-qwen2.5-3b.agg_n100_in128_out128_c8');
  });

  it('reads the max_concurrency 32 run', () => {
    const [run] = parse(C32, text(C32));
    expect(run?.load).toEqual({ concurrency: 32 });
    expect(run?.requestsPerSecond).toBe(51.63326652204655);
    expect(run?.outputTokensPerSecond).toBe(3190.9358710624765);
    expect(run?.ttftMs).toEqual({ avg: 38.27534042298794, p50: 38.43817999586463, p99: 53.34490298293531 });
    expect(run?.itlMs.p95).toBe(23.269593063741922);
    expect(run?.e2eMs.p99).toBe(1166.187234586105);
  });

  it('reads the prefill/decode disaggregated run from its router server_info', () => {
    const [run] = parse(PD, text(PD));
    expect(run?.load).toEqual({ concurrency: 64 });
    expect(run?.ttftMs).toEqual({ avg: 5398.151867231354, p50: 7300.948792137206, p99: 7314.505938198417 });
    expect(run?.requestsPerSecond).toBe(9.335204764526567);
    expect(run?.inputTokens).toEqual({ avg: 264.97 }); // 26497 ÷ 100
    expect(run?.metadata.model).toBe('Qwen/Qwen2.5-3B-Instruct');
    expect(run?.metadata.targetInputTokens).toBe(512);
    expect(run?.metadata.configuration).toEqual({
      random_range_ratio: '0',
      disaggregation: '1P1D',
      'prefill tp': '1',
      'decode tp': '1',
    });
    expect(run?.source.toolVersion).toBe('0.5.5.post3 / 0.5.6'); // prefill and decode servers differ
  });

  it('ingests the three files: the aggregated sweep is one series, the disaggregated run another', () => {
    const result = ingestFiles([C8, C32, PD].map((name) => ({ path: `benchmarks/results/${name}`, text: text(name) })));
    expect(result.errors).toEqual([]);
    const series = new Map<string, number[]>();
    for (const p of result.points) {
      series.set(
        p.seriesName,
        [...(series.get(p.seriesName) ?? []), p.load.concurrency ?? 0].sort((a, b) => a - b),
      );
    }
    expect(Object.fromEntries(series)).toEqual({
      'benchmarks / sglang-0.5.5-qwen2.5-3b.agg_n100_in128_out128': [8, 32],
      'benchmarks / sglang-0.5.5-qwen2.5-3b.pd_1p1d_n100_in512_out128': [64],
    });
    expect(result.points.every((p) => p.load.origin === 'file')).toBe(true);
  });

  it('parts aggregated and disaggregated runs by their metadata when they share one file', () => {
    const body = [text(C8), text(C32), text(PD)].map((t) => t.trimEnd()).join('\n');
    const runs = parse('results/all.jsonl', body);
    expect(runs.map((r) => r.runPath)).toEqual(['results/all#1', 'results/all#2', 'results/all#3']);
    expect(runs.map((r) => r.load)).toEqual([{ concurrency: 8 }, { concurrency: 32 }, { concurrency: 64 }]);
    const result = ingestFiles([{ path: 'results/all.jsonl', text: body }]);
    expect(result.points.map((p) => `${p.seriesName} @${p.load.concurrency}`).sort()).toEqual([
      'all (ISL 128, disaggregation none, tp 1) @32',
      'all (ISL 128, disaggregation none, tp 1) @8',
      'all (ISL 512, disaggregation 1P1D, decode tp 1, prefill tp 1) @64',
    ]);
  });
});

describe('layouts without a real file, built from a real line', () => {
  it('reads an unlimited rate without max_concurrency as a saturation run, inventing no number', () => {
    const [run] = parse('sat.jsonl', edited(C8, ['"max_concurrency": 8', '"max_concurrency": null']));
    expect(run?.load).toEqual({ saturation: true });
    expect(run?.notes).toContain(
      'Load: request_rate Infinity with no max_concurrency: every request was sent at once (saturation); ' +
        'no rate is invented.',
    );
  });

  it('reads a finite rate as the offered rate (open loop), and a null rate as unknown', () => {
    const uncapped: [string, string] = ['"max_concurrency": 8', '"max_concurrency": null'];
    const [rated] = parse('r.jsonl', edited(C8, ['"request_rate": Infinity', '"request_rate": 4.0'], uncapped));
    expect(rated?.load).toEqual({ requestRate: 4 });
    const unknown = edited(C8, ['"request_rate": Infinity', '"request_rate": null'], uncapped);
    expect(parse('u.jsonl', unknown)[0]?.load).toBeNull();
    expect(ingestFiles([{ path: 'u.jsonl', text: unknown }]).errors[0]?.reason).toMatch(/^load level missing/);
  });

  it('reads the 2024 layout: medians only, no request_throughput (derived, marked), no model', () => {
    // python/sglang/bench_serving.py (mid 2024, commit 50a61368): the JSONL line held only these keys.
    const real = realObject(C8);
    const keys = [
      ...['backend', 'dataset_name', 'request_rate', 'total_input_tokens', 'total_output_tokens'],
      ...['total_output_tokens_retokenized', 'mean_e2e_latency_ms', 'median_e2e_latency_ms', 'median_ttft_ms'],
      ...['median_itl_ms', 'output_throughput', 'sharegpt_output_len', 'random_input_len', 'random_output_len'],
      ...['random_range_ratio', 'duration', 'completed'],
    ];
    const old = Object.fromEntries(keys.map((k) => [k, k === 'request_rate' ? 4 : real[k]]));
    const [run] = parse('sglang_0815_100_128_128.jsonl', pyLine(old));
    expect(run?.requestsPerSecond).toBe(100 / 4.364918283186853); // completed ÷ duration
    expect(run?.derived).toEqual(['requestsPerSecond', 'inputTokens', 'outputTokens']);
    expect(run?.ttftMs).toEqual({ p50: 22.6287511177361 });
    expect(run?.itlMs).toEqual({ p50: 3.5979817621409893 });
    expect(run?.e2eMs).toEqual({ avg: 339.22403649426997, p50: 330.32854506745934 });
    expect(run?.tpotMs).toEqual({}); // absent, not zero
    expect(run?.load).toEqual({ requestRate: 4 });
    expect(run?.metadata.model).toBeUndefined();
    expect(run?.metadata.framework).toBe('sglang'); // from backend "sglang"
  });

  it("parts one file's runs by dataset_name", () => {
    const sharegpt = edited(
      C8,
      ['"dataset_name": "random"', '"dataset_name": "sharegpt"'],
      ['"sharegpt_output_len": null', '"sharegpt_output_len": 256'],
    );
    const body = `${text(C8).trimEnd()}\n${sharegpt}`;
    const names = ingestFiles([{ path: 'mixed.jsonl', text: body }])
      .points.map((p) => p.seriesName)
      .sort();
    expect(names).toEqual(['mixed (random, ISL 128, OSL 128, random_range_ratio 0)', 'mixed (sharegpt, OSL 256)']);
  });

  it('reads only the aggregates of an --output-details line', () => {
    const arrays =
      '"input_lens": [64, 64], "output_lens": [60, 61], "ttfts": [0.022, 0.023], "itls": [[0.004], [0.005]], ' +
      '"generated_texts": ["a", "b"], "errors": ["", ""]';
    const details = edited(C8, ['"accept_length": null}', `"accept_length": null, ${arrays}}`]);
    const [run] = parse('d.jsonl', details);
    expect(run?.ttftMs.avg).toBe(28.385840514674783);
    expect(run?.notes).toContain(
      'Per-request arrays (ttfts, itls, input_lens, output_lens; times in seconds): not used yet, ' +
        'the aggregates of the same run are.',
    );
  });

  it("leaves a NaN statistic (numpy's mean of no value) absent", () => {
    const [run] = parse('n.jsonl', edited(C8, ['"mean_ttft_ms": 28.385840514674783', '"mean_ttft_ms": NaN']));
    expect(run?.ttftMs).toEqual({ p50: 22.6287511177361, p99: 54.572048513218775 });
  });

  it('names the server a non-SGLang backend talks to', () => {
    const { server_info: _info, ...rest } = realObject(C8);
    const [run] = parse('v.jsonl', pyLine({ ...rest, backend: 'vllm-chat' }));
    expect(run?.metadata.framework).toBe('vllm');
    expect(run?.metadata.configuration).toEqual({ random_range_ratio: '0' });
  });
});

describe('refusals name the field', () => {
  it.each([
    [
      'a negative statistic',
      ['"median_tpot_ms": 5.097699021510045', '"median_tpot_ms": -0.01'],
      'median_tpot_ms is negative (-0.01)',
    ],
    [
      'a number written as text',
      ['"output_throughput": 1415.8340658528766', '"output_throughput": "1415.8"'],
      'output_throughput is the text "1415.8", expected a number',
    ],
    [
      'no successful request',
      ['"completed": 100', '"completed": 0'],
      'completed is 0: no request succeeded, so nothing was measured',
    ],
    [
      'an unknown request rate',
      ['"request_rate": Infinity', '"request_rate": "fast"'],
      'request_rate is the text "fast", expected a number or Infinity',
    ],
  ] as const)('%s', (_what, edit, expected) => {
    expect(reason('bad.jsonl', edited(C8, [edit[0], edit[1]]))).toBe(`${LABEL}: ${expected}`);
  });

  it('names the line of a multi-run file', () => {
    const body = `${text(C8).trimEnd()}\n\n${edited(C32, ['"completed": 100', '"completed": 0'])}`;
    const expected = `${LABEL}: line 3: completed is 0: no request succeeded, so nothing was measured`;
    expect(reason('two.jsonl', body)).toBe(expected);
  });
});

describe('fuzzing', () => {
  it('never throws on arbitrary text at an SGLang result path', () => {
    fuzzArbitrary('results/sglang_1201_100_128_128.jsonl');
  });
  it.each([C8, PD])('never throws on %s with values replaced, cut or made NaN/Infinity', (name) => {
    fuzzRealFile(name, text(name));
  });
  it('never throws on a mutated multi-run file', () => {
    fuzzRealFile('all.jsonl', [text(C8), text(C32)].map((t) => t.trimEnd()).join('\n'), 100);
  });
});
