/**
 * inference-perf reports through parseFile and ingestFiles: the real kubecon-na-2025 stage reports and companions
 * (tests/fixtures/real/inference-perf, see SOURCES.md) with values read off them by hand; newer, older, concurrent
 * and per-adapter layouts built in code from a real stage report; refusals; fuzzing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { fuzzJsonParser } from './fuzzJsonParser.ts';
import { reasonOf, runsOf } from './outcomes.ts';

const DIR = 'inference-perf';
const ROOT = join(import.meta.dirname, '../../fixtures/real', DIR);
const PREFIX = 'kubecon-na-2025-vllm-llama3-8b';
const STAGE = (i: number) => `${PREFIX}.stage_${i}_lifecycle_metrics.json`;
const SUMMARY = `${PREFIX}.summary_lifecycle_metrics.json`;
const PROMETHEUS = `${PREFIX}.stage_3_prometheus_metrics.json`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures
const text = (name: string) => readFileSync(join(ROOT, name), 'utf8');
/** The file's seconds in ms. */
const ms = (seconds: number) => seconds * 1000;
const doc = (name: string) => JSON.parse(text(name)) as Json;

const parseOne = (name: string) => runsOf(parseFile({ path: `${DIR}/${name}`, text: text(name) }))[0]!;
const parseDoc = (value: unknown, path = 'reports/stage_0_lifecycle_metrics.json') =>
  parseFile({ path, text: JSON.stringify(value) });

describe('inference-perf, real kubecon-na-2025 reports', () => {
  it('reads stage 0: seconds → ms, median as p50, TPOT and ITL apart, the requested rate as load level', () => {
    const run = parseOne(STAGE(0));
    expect(run.source).toEqual({
      path: `${DIR}/${STAGE(0)}`,
      tool: 'inference-perf',
      format: 'inference-perf-lifecycle',
    });
    expect(run.load).toEqual({ requestRate: 1 });
    expect(run.ttftMs.avg).toBeCloseTo(ms(0.03112733216257766), 10);
    expect(run.ttftMs.p50).toBeCloseTo(ms(0.031026913959067315), 10);
    expect(run.ttftMs.p99).toBeCloseTo(ms(0.039696927970508104), 10);
    expect(run.ttftMs['p99.9']).toBeCloseTo(ms(0.040956884782877775), 10);
    expect(run.ttftMs['p0.1']).toBeCloseTo(ms(0.024646742470911705), 10); // any percentile is a statistic
    expect(run.tpotMs.avg).toBeCloseTo(ms(0.0034734172405264745), 10);
    expect(run.itlMs.avg).toBeCloseTo(ms(0.003473417240526474), 10);
    expect(run.itlMs.p50).toBeCloseTo(ms(3.718049265444279e-5), 12); // gaps inside a chunk: ~0
    expect(run.e2eMs.avg).toBeCloseTo(ms(0.48048226445680486), 10);
    expect(run.requestsPerSecond).toBe(1.0171575756131475);
    expect(run.outputTokensPerSecond).toBe(64.23350089997027);
    expect(run.inputTokensPerSecond).toBe(207.6018611826434);
    expect(run.inputTokens).toMatchObject({ avg: 204.1, p50: 205 });
    expect(run.outputTokens).toMatchObject({ avg: 63.15, p50: 64.5 });
    expect(run.requestCount).toBe(60);
    expect(run.errorCount).toBe(0);
    expect(run.metadata).toEqual({});
    expect(run.notes.some((n) => n.includes('req/s of the'))).toBe(false); // achieved 1.0255 of 1.0: within 5 %
  });

  it('reads stage 6 past saturation: plotted at what was achieved, labelled with what was requested', () => {
    const run = parseOne(STAGE(6));
    expect(run.load).toEqual({ requestRate: 183.38 });
    expect(run.requestsPerSecond).toBe(103.0780152073592);
    expect(run.ttftMs.avg).toBeCloseTo(ms(2.9432442679445976), 9);
    expect(run.notes).toContain(
      'Requests were sent at 106.55 req/s of the 183.38 requested (−42 %): ' +
        'the generator did not hold the requested rate.',
    );
  });

  it('reads stage 3', () => {
    const run = parseOne(STAGE(3));
    expect(run.load).toEqual({ requestRate: 92.19 });
    expect(run.requestsPerSecond).toBe(91.35730480202015);
    expect(run.outputTokensPerSecond).toBe(5693.884076290361);
    expect(run.requestCount).toBe(5531);
  });

  it('skips the run summary and the Prometheus report with their reasons', () => {
    expect(parseFile({ path: `${DIR}/${SUMMARY}`, text: text(SUMMARY) })).toEqual({
      kind: 'skipped',
      reason:
        'inference-perf summary of all stages pooled together, not a load level; ' +
        'the stage_<i>_lifecycle_metrics.json files are used',
    });
    const prometheus = parseFile({ path: `${DIR}/${PROMETHEUS}`, text: text(PROMETHEUS) });
    expect(prometheus.kind).toBe('skipped');
    expect(reasonOf(prometheus)).toContain("inference-perf Prometheus metrics: the model server's view");
  });

  it('ingests the folder as one sweep of three request rates', () => {
    const files = readdirSync(ROOT)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ path: `${DIR}/${name}`, text: text(name) }));
    const result = ingestFiles(files);
    expect(result.errors).toEqual([]);
    expect(result.skipped.map((s) => s.file).sort()).toEqual([`${DIR}/${PROMETHEUS}`, `${DIR}/${SUMMARY}`]);
    expect(result.points.map((p) => [p.seriesName, p.load])).toEqual([
      ['inference-perf / kubecon-na-2025-vllm-llama3-8b', { requestRate: 1, origin: 'file' }],
      ['inference-perf / kubecon-na-2025-vllm-llama3-8b', { requestRate: 92.19, origin: 'file' }],
      ['inference-perf / kubecon-na-2025-vllm-llama3-8b', { requestRate: 183.38, origin: 'file' }],
    ]);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
  });

  it('keeps stage files dropped without their folder in one sweep', () => {
    const files = [0, 3, 6].map((i) => ({ path: `stage_${i}_lifecycle_metrics.json`, text: text(STAGE(i)) }));
    const result = ingestFiles(files);
    expect(result.errors).toEqual([]);
    expect(result.points.map((p) => p.seriesName)).toEqual(['inference-perf', 'inference-perf', 'inference-perf']);
  });
});

/**
 * The layout of inference-perf main at 7de5ef2 (`reportgen/base.py` `summarize_requests`,
 * `calculate_goodput_metrics`): `benchmark_time_seconds` at the top, `successes.prompt_tokens` = {total, cached,
 * uncached, mean, …} instead of `prompt_len`, `successes.output_tokens` beside `output_len`,
 * `successes.goodput_metrics` when SLOs were given. Built from the real stage 3 report.
 */
function mainLayout(): Json {
  const stage = doc(STAGE(3));
  const { prompt_len: promptLen, ...successes } = stage['successes'];
  return {
    benchmark_time_seconds: 60.54,
    load_summary: stage['load_summary'],
    successes: {
      ...successes,
      prompt_tokens: { total: 1128886, cached: 0, uncached: 1128886, ...promptLen },
      output_tokens: { total: 344722, ...successes['output_len'] },
      goodput_metrics: { goodput_percentage: 87.5, request_goodput: 79.9, token_goodput: 21000.5 },
    },
    failures: { count: 2, request_latency: null, prompt_tokens: { total: 0, cached: 0, uncached: 0 }, by_label: {} },
  };
}

describe('inference-perf layouts built from the source', () => {
  it('reads the current layout: prompt_tokens, run time, goodput, failures', () => {
    const run = runsOf(parseDoc(mainLayout()))[0]!;
    expect(run.inputTokens).toMatchObject({ avg: 204.10178991140842, p50: 205 });
    expect(run.outputTokens.avg).toBe(62.3254384378955);
    expect(run.durationS).toBe(60.54);
    expect(run.goodputRequestsPerSecond).toBe(79.9);
    expect(run.errorCount).toBe(2);
    expect(run.requestsPerSecond).toBe(91.35730480202015);
  });

  it('reads a CONCURRENT stage by its concurrency (its requested_rate is an internal burst rate)', () => {
    // main.py: for CONCURRENT stages `stage.rate = stage.num_requests`; base.py adds load_summary.concurrency.
    const report = mainLayout();
    report['load_summary'] = { ...report['load_summary'], requested_rate: 500, concurrency: 32 };
    const run = runsOf(parseDoc(report))[0]!;
    expect(run.load).toEqual({ concurrency: 32 });
    expect(run.notes.some((n) => n.includes('req/s of the'))).toBe(false);
  });

  it('leaves the load level to the path or the user for a v0.1.0 report (no rates)', () => {
    // v0.1.0 (a097500) `summarize_requests`: load_summary = {count, schedule_delay}.
    const report = doc(STAGE(0));
    report['load_summary'] = { count: 60, schedule_delay: report['load_summary']['schedule_delay'] };
    const run = runsOf(parseDoc(report))[0]!;
    expect(run.load).toBeNull();
    const result = ingestFiles([{ path: 'reports/stage_0_lifecycle_metrics.json', text: JSON.stringify(report) }]);
    expect(result.points).toEqual([]);
    expect(result.errors[0]!.reason).toMatch(/^load level missing/);
    const named = ingestFiles([{ path: 'qps1/stage_0_lifecycle_metrics.json', text: JSON.stringify(report) }]);
    expect(named.points[0]!.load).toEqual({ requestRate: 1, origin: 'path' });
  });

  it('splits per-adapter stage reports into one series per LoRA adapter; skips per-adapter totals', () => {
    const stageFile = (adapter: string, i: number) => ({
      path: `reports/adapter_lora-${adapter}_stage_${i}_lifecycle_metrics.json`,
      text: text(STAGE(i)),
    });
    const total = { path: 'reports/adapter_lora-a_lifecycle_metrics.json', text: text(SUMMARY) };
    const result = ingestFiles([stageFile('a', 0), stageFile('a', 3), stageFile('b', 0), stageFile('b', 3), total]);
    expect(result.errors).toEqual([]);
    expect(result.skipped.map((s) => s.file)).toEqual([total.path]);
    const adapters = result.points.map((p) => p.metadata.configuration?.['lora_adapter']);
    expect(adapters).toEqual(['lora-a', 'lora-a', 'lora-b', 'lora-b']);
    const names = new Set(result.points.map((p) => p.seriesName));
    expect(names).toEqual(new Set(['reports (lora_adapter lora-a)', 'reports (lora_adapter lora-b)']));
  });

  it('skips the per-request and session reports', () => {
    const perRequest = [{ start_time: 1, end_time: 2, request: '{}', response: '{}', info: null, error: null }];
    expect(parseDoc(perRequest, 'reports/per_request_lifecycle_metrics.json').kind).toBe('skipped');
    const session = parseDoc({ stage_metadata: { stage_id: 0 } }, 'reports/stage_0_session_lifecycle_metrics.json');
    expect(session.kind).toBe('skipped');
  });

  it('skips the configuration it copies into the reports folder', () => {
    // reportgen/base.py generate_config_report: the config model dumped with yaml.dump(sort_keys=False).
    const config = ['api:', '  type: completion', 'load:', '  type: constant', 'report:', '  summary: true'].join('\n');
    expect(parseFile({ path: 'reports/config.yaml', text: config })).toEqual({
      kind: 'skipped',
      reason: 'inference-perf run configuration: settings, no measurements',
    });
  });
});

describe('inference-perf refusals', () => {
  it('refuses a report without any throughput', () => {
    const report = doc(STAGE(0));
    delete report['successes']['throughput'];
    expect(reasonOf(parseDoc(report))).toContain('neither request throughput nor output token throughput');
  });

  it('refuses a negative or non-numeric value, naming it', () => {
    const report = doc(STAGE(0));
    report['successes']['latency']['time_to_first_token']['mean'] = -0.1;
    expect(reasonOf(parseDoc(report))).toContain('successes.latency.time_to_first_token.mean is negative (-0.1)');
    const other = doc(STAGE(0));
    other['successes']['throughput']['requests_per_sec'] = '1.01';
    expect(reasonOf(parseDoc(other))).toContain('successes.throughput.requests_per_sec is the text "1.01"');
  });
});

describe('inference-perf fuzzing', () => {
  it('never throws on a stage report, mutated or cut', () => {
    fuzzJsonParser(`${DIR}/${STAGE(6)}`, text(STAGE(6)));
  });
});
