/**
 * GenAI-Perf layouts seen in the tool's source but not in the real fixtures, and the traps of each
 * (docs/file-formats.md §NVIDIA GenAI-Perf). Inputs are written inline so each case shows what it tests.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { loadFromPath, seriesNameFromFamily } from '../../../src/core/parsers/loadFromPath.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParseOutcome } from '../../../src/core/parsers/types.ts';

function firstRun(outcome: ParseOutcome) {
  if (outcome.kind !== 'runs')
    throw new Error(`expected runs, got ${outcome.kind}: ${'reason' in outcome ? outcome.reason : ''}`);
  return outcome.runs[0]!;
}
const reason = (outcome: ParseOutcome) => (outcome.kind === 'runs' ? '' : outcome.reason);

const NEW_JSON = {
  request_throughput: { unit: 'requests/sec', avg: 12.5 },
  request_latency: { unit: 'ms', avg: 900, p1: 850, p99: 1000 },
  time_to_first_token: { unit: 'ms', avg: 120, p1: 100, p5: 101, p10: 102, p99: 180 },
  time_to_second_token: { unit: 'ms', avg: 15 },
  inter_token_latency: { unit: 'ms', avg: 11 },
  output_token_throughput: { unit: 'tokens/sec', avg: 2500 },
  output_token_throughput_per_user: { unit: 'tokens/sec/user', avg: 90.9, p5: 80 },
  output_sequence_length: { unit: 'tokens', avg: 200 },
  input_sequence_length: { unit: 'tokens', avg: 1000 },
  request_count: { unit: 'count', avg: 400 },
  input_config: { model: ['llama-3-8b'], perf_analyzer: { stimulus: { concurrency: 16 } } },
};

describe('GenAI-Perf summary JSON', () => {
  it('reads the newer layout: perf_analyzer.stimulus, p1/p5/p10, time to second token, per-user = 1/ITL', () => {
    const run = firstRun(parseFile({ path: 'run/profile_export_genai_perf.json', text: JSON.stringify(NEW_JSON) }));
    expect(run.load).toEqual({ concurrency: 16 });
    expect(run.ttftMs).toEqual({ avg: 120, p1: 100, p5: 101, p10: 102, p99: 180 });
    expect(run.ttstMs).toEqual({ avg: 15 });
    expect(run.outputTokensPerSecondPerUser).toEqual({ avg: 90.9, p5: 80 });
    expect(run.tpsPerUserDefinition).toBe('inverse-itl');
    expect(run.requestCount).toBe(400);
    expect(run.metadata.model).toBe('llama-3-8b');
  });

  it('reads a request-rate stimulus', () => {
    const doc = { ...NEW_JSON, input_config: { perf_analyzer: { stimulus: { request_rate: 2.5 } } } };
    expect(firstRun(parseFile({ path: 'x_genai_perf.json', text: JSON.stringify(doc) })).load).toEqual({
      requestRate: 2.5,
    });
  });

  it('converts by the unit the file states: ns, us and s become ms', () => {
    const doc = {
      ...NEW_JSON,
      time_to_first_token: { unit: 'ns', avg: 120_000_000 },
      inter_token_latency: { unit: 'us', avg: 11_000 },
      request_latency: { unit: 's', avg: 0.9 },
    };
    const run = firstRun(parseFile({ path: 'a/profile_export_genai_perf.json', text: JSON.stringify(doc) }));
    expect(run.ttftMs.avg).toBeCloseTo(120, 9);
    expect(run.itlMs.avg).toBeCloseTo(11, 9);
    expect(run.e2eMs.avg).toBeCloseTo(900, 9);
  });

  it.each([
    [
      'an unknown time unit',
      { time_to_first_token: { unit: 'fortnights', avg: 1 } },
      'time_to_first_token.unit "fortnights" is not a unit of time',
    ],
    [
      'a missing unit',
      { time_to_first_token: { avg: 1 } },
      'time_to_first_token.unit is missing: the unit of time_to_first_token cannot be known',
    ],
    [
      'a text value',
      { time_to_first_token: { unit: 'ms', avg: 'fast' } },
      'time_to_first_token.avg is the text "fast", expected a number',
    ],
    ['a negative value', { time_to_first_token: { unit: 'ms', avg: -3 } }, 'time_to_first_token.avg is negative (-3)'],
    [
      'a wrong throughput unit',
      { request_throughput: { unit: 'tokens/sec', avg: 3 } },
      'request_throughput.unit "tokens/sec" is not requests/s',
    ],
  ])('refuses %s with the field named', (_what, patch, expected) => {
    const outcome = parseFile({
      path: 'run/profile_export_genai_perf.json',
      text: JSON.stringify({ ...NEW_JSON, ...patch }),
    });
    expect(outcome.kind).toBe('error');
    expect(reason(outcome)).toBe(`GenAI-Perf summary JSON (profile_export_genai_perf.json): ${expected}`);
  });

  it('needs at least one throughput', () => {
    const { request_throughput: _r, output_token_throughput: _o, ...rest } = NEW_JSON;
    expect(reason(parseFile({ path: 'r/profile_export_genai_perf.json', text: JSON.stringify(rest) }))).toMatch(
      /required metric missing/,
    );
  });

  it('accepts the bare NaN/Infinity of Python writers as "not reported"', () => {
    const text = JSON.stringify(NEW_JSON).replace('"p5":80', '"p5":NaN');
    expect(
      firstRun(parseFile({ path: 'r/profile_export_genai_perf.json', text })).outputTokensPerSecondPerUser,
    ).toEqual({ avg: 90.9 });
  });
});

describe('GenAI-Perf summary CSV', () => {
  const NEW_CSV = [
    'Metric,avg,min,max,p99,p95,p90,p75,p50,p25,p10,p5,p1',
    'Time To First Token (ms),"1,234.50",100.00,"2,000.00",1.00,2.00,3.00,4.00,5.00,6.00,7.00,8.00,9.00',
    'Time To Second Token (ms),20.00,,,,,,,,,,,',
    'Inter Token Latency (ms),11.00,10.00,12.00,,,,,,,,,',
    'Output Token Throughput Per User (tokens/sec/user),90.91,,,,,,,,,,,',
    'Output Sequence Length (tokens),200.00,,,,,,,,,,,',
    'Input Sequence Length (tokens),"1,000.00",,,,,,,,,,,',
    '',
    'Metric,Value',
    'Output Token Throughput (tokens/sec),"2,500.00"',
    'Request Throughput (requests/sec),12.50',
    'Request Count (count),400.00',
    '',
    'Metric,GPU,avg,min,max',
    'GPU Power Usage (W),gpu0,300.00,280.00,320.00',
  ].join('\r\n');

  it('reads the newer headers and units, quoted thousands, and ignores the telemetry block', () => {
    const run = firstRun(
      parseFile({ path: 'm-openai-chat-concurrency8/profile_export_genai_perf.csv', text: NEW_CSV }),
    );
    expect(run.ttftMs).toEqual({
      avg: 1234.5,
      min: 100,
      max: 2000,
      p99: 1,
      p95: 2,
      p90: 3,
      p75: 4,
      p50: 5,
      p25: 6,
      p10: 7,
      p5: 8,
      p1: 9,
    });
    expect(run.ttstMs).toEqual({ avg: 20 });
    expect(run.outputTokensPerSecondPerUser).toEqual({ avg: 90.91 });
    expect(run.tpsPerUserDefinition).toBe('inverse-itl');
    expect(run.inputTokens).toEqual({ avg: 1000 });
    expect(run.outputTokensPerSecond).toBe(2500);
    expect(run.requestsPerSecond).toBe(12.5);
    expect(run.requestCount).toBe(400);
    expect(run.runPath).toBe('m-openai-chat-concurrency8');
  });

  it('reads the very old ns rows (Num Output Token, (ns))', () => {
    const csv =
      'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ns),"25,000,000",,,,,,,,\n' +
      'Num Output Token,50,,,,,,,,\n\nMetric,Value\nRequest Throughput (per sec),1.5\n';
    const run = firstRun(parseFile({ path: 'c1/profile_export_genai_perf.csv', text: csv }));
    expect(run.ttftMs.avg).toBeCloseTo(25, 9);
    expect(run.outputTokens).toEqual({ avg: 50 });
    expect(run.requestsPerSecond).toBe(1.5);
  });

  it.each([
    [
      'a latency row without a unit',
      'Time To First Token,1,2,3,4,5,6,7,8,9',
      'line 2: "Time To First Token" has no unit; a time in ms, s, us or ns is expected',
    ],
    [
      'a decimal comma',
      'Time To First Token (ms),"1,5",2,3,4,5,6,7,8,9',
      'line 2, Time To First Token (ms), avg: "1,5" is not a number',
    ],
    [
      'a number too large to be finite',
      'Time To First Token (ms),1e400,2,3,4,5,6,7,8,9',
      'line 2, Time To First Token (ms), avg: 1e400 is not a finite number',
    ],
  ])('refuses %s, naming the line', (_what, row, expected) => {
    const csv = `Metric,avg,min,max,p99,p95,p90,p75,p50,p25\n${row}\n\nMetric,Value\nRequest Throughput (per sec),1\n`;
    expect(reason(parseFile({ path: 'c1/profile_export_genai_perf.csv', text: csv }))).toBe(
      `GenAI-Perf summary CSV (profile_export_genai_perf.csv): ${expected}`,
    );
  });
});

describe('whole files that are not GenAI-Perf results', () => {
  it.each([
    ['', 'the file is empty'],
    ['   \n\t', 'the file is empty'],
    ['{"request_throughput": {"unit": "requests/sec", "avg": 1', 'invalid JSON'],
    ['abc\u0000\u0001', 'binary data, not a text benchmark export'],
    [
      '{"date":"20250101-000000","backend":"vllm","model_id":"m","completed":0,"request_throughput":0}',
      'vLLM bench serve result JSON (--save-result / --append-result, sweep run=N.json): completed is 0',
    ],
    [
      'Metric,avg,min,max,p1,p5,p25\nTime to First Token (ms),1,1,1,1,1,1',
      'NVIDIA AIPerf summary CSV (profile_export_aiperf.csv): required metric missing',
    ],
    [
      '{"hello": "world"}',
      'a JSON document of unknown layout; read are the result files of NVIDIA GenAI-Perf, NVIDIA AIPerf, ' +
        'vLLM bench serve, SGLang bench_serving, LLMPerf, GuideLLM, inference-perf',
    ],
    ['name,value\na,1', 'unknown format (first line: "name,value"); read are the result files of NVIDIA GenAI-Perf'],
  ])('%j → %s', (text, expected) => {
    const outcome = parseFile({ path: 'f', text });
    expect(outcome.kind).toBe('error');
    expect(reason(outcome)).toContain(expected);
  });

  it('says a truncated JSON file looks truncated', () => {
    expect(reason(parseFile({ path: 'f.json', text: JSON.stringify(NEW_JSON).slice(0, 200) }))).toMatch(
      /^invalid JSON: .*\(the file looks truncated\)$/,
    );
  });
});

describe('load level from the path (docs/file-formats.md §Load level)', () => {
  it.each([
    [
      'artifacts/m-openai-chat-concurrency16/profile_export_genai_perf.csv',
      { concurrency: 16 },
      'artifacts/m-openai-chat-{load}/profile_export_genai_perf.csv',
    ],
    ['sweep-c1-250/m-concurrency250.csv', { concurrency: 250 }, 'sweep-c1-250/m-{load}.csv'],
    ['agg_n100_in128_out128_c32.jsonl', { concurrency: 32 }, 'agg_n100_in128_out128_{load}.jsonl'],
    ['runs/concurrency_10/summary.csv', { concurrency: 10 }, 'runs/{load}/summary.csv'],
    ['m-openai-chat-request_rate2.5/x.csv', { requestRate: 2.5 }, 'm-openai-chat-{load}/x.csv'],
    ['bench-qps4/x.csv', { requestRate: 4 }, 'bench-{load}/x.csv'],
    ['DeepSeek-R1-Distill/x.csv', {}, 'DeepSeek-R1-Distill/x.csv'],
    ['tp4-conc64/profile.json', { concurrency: 64 }, 'tp4-{load}/profile.json'],
  ])('%s', (path, load, family) => {
    expect(loadFromPath(path)).toEqual({ ...load, familyPath: family });
  });

  it('names a series from its family without the load token or generic folders', () => {
    expect(seriesNameFromFamily('h100-tp2/artifacts/llama3-8b-openai-chat-{load}')).toBe(
      'h100-tp2 / llama3-8b-openai-chat',
    );
  });
});

describe('grouping into series', () => {
  const json = (model: string, concurrency: number) =>
    JSON.stringify({ ...NEW_JSON, input_config: { model, perf_analyzer: { stimulus: { concurrency } } } });

  it('puts two configurations in different folders into two series', () => {
    const result = ingestFiles([
      { path: 'tp1/m-openai-chat-concurrency1/profile_export_genai_perf.json', text: json('m', 1) },
      { path: 'tp1/m-openai-chat-concurrency8/profile_export_genai_perf.json', text: json('m', 8) },
      { path: 'tp2/m-openai-chat-concurrency1/profile_export_genai_perf.json', text: json('m', 1) },
    ]);
    expect(result.points.map((p) => `${p.seriesName}@${p.load.concurrency}`).sort()).toEqual([
      'tp1 / m-openai-chat@1',
      'tp1 / m-openai-chat@8',
      'tp2 / m-openai-chat@1',
    ]);
  });

  it('splits one folder family by model when its runs disagree', () => {
    const result = ingestFiles([
      { path: 'a-concurrency1/profile_export_genai_perf.json', text: json('llama', 1) },
      { path: 'a-concurrency2/profile_export_genai_perf.json', text: json('mistral', 2) },
    ]);
    expect(new Set(result.points.map((p) => p.seriesName))).toEqual(new Set(['a (llama)', 'a (mistral)']));
  });

  it('reports a CSV whose load level cannot be found, and keeps the other files', () => {
    const csv =
      'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ms),1,1,1,1,1,1,1,1,1\n\n' +
      'Metric,Value\nRequest Throughput (per sec),1\n';
    const result = ingestFiles([
      { path: 'mystery/profile_export_genai_perf.csv', text: csv },
      { path: 'ok-concurrency4/profile_export_genai_perf.json', text: json('m', 4) },
    ]);
    expect(result.points).toHaveLength(1);
    expect(result.errors).toEqual([
      {
        file: 'mystery/profile_export_genai_perf.csv',
        reason: expect.stringMatching(/^load level missing/) as unknown as string,
      },
    ]);
  });
});

describe('two files of the same format claiming one run', () => {
  it('are kept as two points (flagged), not merged into one', () => {
    const json = (rps: number) =>
      JSON.stringify({ ...NEW_JSON, request_throughput: { unit: 'requests/sec', avg: rps } });
    const result = ingestFiles([
      { path: 'artifacts/m-openai-chat-concurrency8/profile_export_genai_perf.json', text: json(10) },
      { path: 'artifacts/m-openai-chat-concurrency8/profile_export_genai_perf.json', text: json(20) },
      {
        path: 'artifacts/m-openai-chat-concurrency8/profile_export_genai_perf.csv',
        text:
          'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ms),1,1,1,1,1,1,1,1,1\n\n' +
          'Metric,Value\nRequest Throughput (per sec),30\n',
      },
    ]);
    expect(result.points.map((p) => p.requestsPerSecond).sort()).toEqual([10, 20]);
    expect(result.points.map((p) => p.sources.length).sort()).toEqual([1, 2]); // the first JSON merged with the CSV
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
    expect(result.points.every((p) => p.notes.some((n) => n.startsWith('Duplicate load level')))).toBe(true);
    expect(result.points.map((p) => p.duplicateLoadRuns)).toEqual([2, 2]); // typed, for the page's flag
  });
});
