/**
 * GuideLLM (vllm-project/guidellm) `benchmarks.json`: one entry of `benchmarks[]` per load level the run's profile
 * ran (a sweep: synchronous, throughput, then constant rates; or one strategy). Three layouts, which differ in the
 * top level and in where a benchmark keeps its strategy (guidellm sources at v0.3.0, v0.6.1, v0.7.3):
 *
 *   v0.2–0.3   {benchmarks: [{args: {strategy: {type_, streams?, rate?}}, worker: {backend_type, backend_target,
 *              backend_model}, request_loader: {data: "prompt_tokens=256,output_tokens=128"}, metrics,
 *              request_totals, duration}]}
 *   0.4–0.6    {metadata: {version: 1, guidellm_version}, args: {target, model, backend, data: [...]},
 *              benchmarks: [{config: {strategy: {type_, streams?, rate?, max_concurrency?}, backend: {target, model}},
 *              metrics: {request_totals, …}, duration}]}
 *   report v2  (≥ 0.7) {metadata: {version: 2, guidellm_version}, config: {metadata: {labels}, spec: {backend:
 *              {kind, target, model}, data: [...]}}, benchmarks: [as in 0.4–0.6]}
 *
 * Each metric is `{successful, errored, incomplete, total}`, each a summary `{mean, median, min, max, count,
 * percentiles: {p001, p01, p05, p10, p25, [p50,] p75, p90, p95, p99, p999}}`; only `successful` is read. Units
 * by name: `…_ms` in ms, `request_latency` in seconds; `requests_per_second` / `output_tokens_per_second` are
 * rates over the benchmark's time, of which the mean is the throughput.
 */
import { isObject } from '../../collections.ts';
import type { Distribution, Stat } from '../../model/benchmark.ts';
import {
  PYTHON_STAT_NAMES,
  distributionFromNamedStats,
  nonEmptyText,
  objectOrEmpty,
  optionalNumber,
} from '../jsonFields.ts';
import { emptyRun, requireThroughput, runPathOf } from '../runs.ts';
import { readGuidellmSamples } from './samples.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

const PERCENTILE_NAMES: Readonly<Record<string, Stat>> = { p01: 'p1', p05: 'p5', p999: 'p99.9' };

function detect(file: SniffedFile): boolean {
  const doc = file.json;
  if (!isObject(doc) || !Array.isArray(doc['benchmarks'])) return false;
  const first: unknown = doc['benchmarks'][0];
  if (!isObject(first) || !isObject(first['metrics'])) return false;
  return first['type_'] === 'generative_benchmark' || 'time_to_first_token_ms' in first['metrics'];
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Json;
  const benchmarks = doc['benchmarks'] as unknown[];
  const family = runPathOf(file.path, /benchmarks\.json$/i);
  const meta = objectOrEmpty(doc['metadata']);
  const toolVersion = nonEmptyText(meta['guidellm_version']);
  const layout = meta['version'] === 2 ? 'report v2' : isObject(doc['args']) ? '0.4–0.6 layout' : 'v0.3 layout';

  const runs: ParsedRun[] = [];
  const leftOut: string[] = [];
  benchmarks.forEach((raw, index) => {
    const where = `benchmarks[${index}]`;
    if (!isObject(raw)) throw new ParseFailure(`${where} is not an object`);
    const runPath = benchmarks.length > 1 ? `${family}#${index + 1}` : family;
    const source = { path: file.path, tool: 'guidellm', format: 'guidellm-benchmarks' } as const;
    const run = emptyRun(runPath, toolVersion === undefined ? source : { ...source, toolVersion });
    run.familyPath = family;
    const strategy = objectOrEmpty(objectOrEmpty(raw['config'])['strategy'] ?? objectOrEmpty(raw['args'])['strategy']);
    const strategyName = nonEmptyText(strategy['type_']) ?? 'no strategy';
    const label = `benchmark ${index + 1} of ${benchmarks.length} (${strategyName})`;
    if (!readMetrics(objectOrEmpty(raw['metrics']), raw, run, where)) {
      leftOut.push(label);
      return;
    }
    readStrategy(strategy, run, where);
    readMetadata(doc, raw, run);
    readGuidellmSamples(raw, run);
    run.notes.unshift(`GuideLLM ${layout}, ${label}.`);
    runs.push(run);
  });
  if (runs.length === 0) {
    throw new ParseFailure(benchmarks.length === 0 ? 'benchmarks[] is empty' : 'no benchmark has successful requests');
  }
  if (leftOut.length > 0) {
    const note = `Left out of this file's sweep, no successful requests: ${leftOut.join(', ')}.`;
    for (const run of runs) run.notes.push(note);
  }
  return { kind: 'runs', runs };
}

/** The `successful` summary of a metric, or undefined when absent or empty (a count of 0 means nothing measured). */
function successful(metrics: Json, key: string, where: string): Json | undefined {
  const metric = metrics[key];
  if (metric === undefined || metric === null) return undefined;
  if (!isObject(metric)) throw new ParseFailure(`${where}.metrics.${key} is not an object`);
  const summary = metric['successful'];
  if (summary === undefined || summary === null) return undefined;
  if (!isObject(summary)) throw new ParseFailure(`${where}.metrics.${key}.successful is not an object`);
  return summary['count'] === 0 ? undefined : summary;
}

function distribution(metrics: Json, key: string, factor: number, where: string): Distribution {
  const summary = successful(metrics, key, where);
  if (!summary) return {};
  const at = `${where}.metrics.${key}.successful`;
  const percentiles = objectOrEmpty(summary['percentiles']);
  return {
    ...distributionFromNamedStats(summary, PYTHON_STAT_NAMES, factor, at),
    ...distributionFromNamedStats(percentiles, PERCENTILE_NAMES, factor, `${at}.percentiles`),
  };
}

function mean(metrics: Json, key: string, where: string): number | undefined {
  const summary = successful(metrics, key, where);
  return summary && optionalNumber(summary, 'mean', `${where}.metrics.${key}.successful`);
}

/** Fills the measurements; false when the benchmark had no successful request (nothing to plot). */
function readMetrics(metrics: Json, benchmark: Json, run: ParsedRun, where: string): boolean {
  const totals = objectOrEmpty(metrics['request_totals'] ?? benchmark['request_totals']);
  const succeeded = optionalNumber(totals, 'successful', `${where}.request_totals`);
  if (succeeded === 0) return false;
  if (succeeded !== undefined) run.requestCount = succeeded;
  const errored = optionalNumber(totals, 'errored', `${where}.request_totals`);
  if (errored !== undefined) run.errorCount = errored;
  const duration = optionalNumber(benchmark, 'duration', where);
  if (duration !== undefined) run.durationS = duration;

  run.ttftMs = distribution(metrics, 'time_to_first_token_ms', 1, where);
  run.itlMs = distribution(metrics, 'inter_token_latency_ms', 1, where);
  run.tpotMs = run.itlMs;
  run.e2eMs = distribution(metrics, 'request_latency', 1000, where);
  run.inputTokens = distribution(metrics, 'prompt_token_count', 1, where);
  run.outputTokens = distribution(metrics, 'output_token_count', 1, where);
  const rps = mean(metrics, 'requests_per_second', where);
  if (rps !== undefined) run.requestsPerSecond = rps;
  const otps = mean(metrics, 'output_tokens_per_second', where);
  if (otps !== undefined) run.outputTokensPerSecond = otps;
  requireThroughput(run);
  run.notes.push(
    "Statistics of the successful requests. ITL is GuideLLM's inter_token_latency_ms, (last token − first token) ÷ " +
      '(output tokens − 1) per request: the TPOT definition. Its time_per_output_token_ms (÷ all output tokens, TTFT ' +
      'included from 0.4 on) is not used. request_latency is in seconds, converted to ms.',
  );
  return true;
}

function readStrategy(strategy: Json, run: ParsedRun, where: string): void {
  const type = nonEmptyText(strategy['type_']);
  const number = (key: string) => optionalNumber(strategy, key, `${where} strategy`);
  switch (type) {
    case 'synchronous':
      run.load = { concurrency: 1 };
      return;
    case 'concurrent': {
      const streams = number('streams') ?? number('max_concurrency');
      if (streams === undefined || streams <= 0) {
        throw new ParseFailure(`${where}: concurrent strategy without a stream count`);
      }
      run.load = { concurrency: streams };
      return;
    }
    case 'throughput': {
      run.load = { saturation: true };
      const cap = number('max_concurrency');
      const inFlight = cap === undefined ? '' : ` (at most ${cap} in flight)`;
      run.notes.push(`Throughput strategy: requests sent as fast as possible${inFlight}; no offered rate.`);
      return;
    }
    case 'constant':
    case 'poisson': {
      const rate = number('rate');
      if (rate === undefined || rate <= 0) throw new ParseFailure(`${where}: ${type} strategy without a positive rate`);
      run.load = { requestRate: rate };
      run.notes.push(`${type === 'poisson' ? 'Poisson' : 'Constant'}-rate strategy at ${rate} req/s offered.`);
      return;
    }
    default:
      run.notes.push(
        `Strategy "${type ?? 'none'}" has no concurrency or request rate: ` +
          'the load level comes from the path or is asked.',
      );
  }
}

function readMetadata(doc: Json, benchmark: Json, run: ParsedRun): void {
  const args = objectOrEmpty(doc['args']);
  const scenario = objectOrEmpty(doc['config']);
  const spec = objectOrEmpty(scenario['spec']);
  const specBackend = objectOrEmpty(spec['backend']);
  const benchBackend = objectOrEmpty(objectOrEmpty(benchmark['config'])['backend']);
  const worker = objectOrEmpty(benchmark['worker']);

  // The benchmark's own config first (0.4+), then v0.3's worker, then the file's arguments (0.4–0.6) or scenario (v2).
  const first = (...values: unknown[]) => values.map(nonEmptyText).find((value) => value !== undefined);
  const model = first(benchBackend['model'], worker['backend_model'], args['model'], specBackend['model']);
  if (model !== undefined) run.metadata.model = model;
  const backend = first(worker['backend_type'], args['backend'], specBackend['kind']);
  if (backend !== undefined) run.metadata.backend = backend;
  const configuration: Record<string, string> = {};
  const target = first(benchBackend['target'], worker['backend_target'], args['target'], specBackend['target']);
  if (target !== undefined) configuration['target'] = target;
  const labels = objectOrEmpty(objectOrEmpty(scenario['metadata'])['labels']);
  for (const [key, value] of Object.entries(labels)) {
    const label = nonEmptyText(value);
    if (label !== undefined) configuration[key] = label;
  }
  if (Object.keys(configuration).length > 0) run.metadata.configuration = configuration;

  const data = objectOrEmpty(benchmark['request_loader'])['data'] ?? args['data'] ?? spec['data'];
  for (const source of Array.isArray(data) ? data : [data]) readDataSource(source, run);
}

/**
 * A data source: synthetic lengths ("prompt_tokens=256,output_tokens=128", its JSON form, or the v2 object
 * `{kind: "synthetic_text", prompt_tokens, output_tokens}`) give the requested ISL/OSL; a file or dataset
 * (`/data/aime.jsonl`, `{path}`, `{source}`) names the dataset.
 */
function readDataSource(source: unknown, run: ParsedRun): void {
  let fields: Json = {};
  if (isObject(source)) fields = source;
  else if (typeof source === 'string') {
    const trimmed = source.trim();
    if (/^\{.*\}$/s.test(trimmed)) {
      try {
        fields = objectOrEmpty(JSON.parse(trimmed));
      } catch {
        fields = {};
      }
    } else if (/^[\w.]+=/.test(trimmed)) {
      for (const pair of trimmed.split(',')) {
        const [key, value] = pair.split('=');
        if (key !== undefined && value !== undefined) fields[key.trim()] = value.trim();
      }
    } else if (trimmed !== '') fields = { path: trimmed };
  }
  const tokens = (key: string) => {
    const value = typeof fields[key] === 'string' ? Number(fields[key]) : fields[key];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const isl = tokens('prompt_tokens');
  const osl = tokens('output_tokens');
  if (isl !== undefined) run.metadata.targetInputTokens = isl;
  if (osl !== undefined) run.metadata.targetOutputTokens = osl;
  const dataset = nonEmptyText(fields['path']) ?? nonEmptyText(fields['source']);
  if (dataset !== undefined && run.metadata.dataset === undefined) run.metadata.dataset = baseName(dataset);
}

export const guidellmBenchmarks: BenchmarkParser = {
  id: 'guidellm-benchmarks',
  label: 'GuideLLM benchmarks JSON (benchmarks.json)',
  detect,
  parse,
};
