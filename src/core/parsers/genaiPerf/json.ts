/**
 * GenAI-Perf summary JSON: `profile_export_genai_perf.json` / `<prefix>_genai_perf.json`.
 * Every metric is `{unit, avg, min, max, p25…p99[, p1, p5, p10], std}`; throughputs are `{unit, avg}`.
 * Load level: old flat `input_config.concurrency` / `request_rate`, newer `input_config.perf_analyzer.stimulus`.
 */
import { isObject } from '../../collections.ts';
import type { Distribution, TpsPerUserDefinition } from '../../model/benchmark.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber, distributionFromRecord, isTokenCountUnit, msPerTimeUnit, normaliseRateUnit } from '../units.ts';
import { sameAsTpot, emptyRun, genaiPerfRunPath, requireThroughput } from './common.ts';

type Json = Record<string, unknown>;

function detect(file: SniffedFile): boolean {
  const doc = file.json;
  if (!isObject(doc) || 'aiperf_version' in doc || 'schema_version' in doc || 'records' in doc) return false;
  // AIPerf's own config sections: an AIPerf summary may carry no version field at all.
  const config = doc['input_config'];
  if (isObject(config) && ('loadgen' in config || 'phases' in config)) return false;
  const throughput = doc['request_throughput'];
  const hasGenaiMetric =
    isObject(throughput) || isObject(doc['time_to_first_token']) || isObject(doc['request_latency']);
  return hasGenaiMetric && (isObject(doc['input_config']) || /genai_perf\.json$/i.test(file.path));
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Json;
  const run = emptyRun(genaiPerfRunPath(file.path), { path: file.path, tool: 'genai-perf', format: 'genai-perf-json' });

  run.ttftMs = latency(doc, 'time_to_first_token');
  run.ttstMs = latency(doc, 'time_to_second_token');
  run.itlMs = latency(doc, 'inter_token_latency');
  run.e2eMs = latency(doc, 'request_latency');
  sameAsTpot(run);

  const perUser = perUserThroughput(doc);
  if (perUser) {
    run.outputTokensPerSecondPerUser = perUser.dist;
    run.tpsPerUserDefinition = perUser.definition;
  }
  const otps = scalarRate(doc, 'output_token_throughput', 'tokens/s');
  if (otps !== undefined) run.outputTokensPerSecond = otps;
  const rps = scalarRate(doc, 'request_throughput', 'requests/s');
  if (rps !== undefined) run.requestsPerSecond = rps;
  run.inputTokens = tokenCount(doc, 'input_sequence_length');
  run.outputTokens = tokenCount(doc, 'output_sequence_length');
  const count = doc['request_count'];
  if (isObject(count) && count['avg'] !== undefined && count['avg'] !== null) {
    run.requestCount = checkedNumber(count['avg'], 'request_count.avg');
  }
  requireThroughput(run);

  const config = doc['input_config'];
  if (isObject(config)) readConfig(config, run);
  return { kind: 'runs', runs: [run] };
}

function metricObject(doc: Json, key: string): Json | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new ParseFailure(`${key} is not an object of statistics`);
  return value;
}

function unitOf(metric: Json, key: string): string {
  const unit = metric['unit'];
  if (typeof unit !== 'string') throw new ParseFailure(`${key}.unit is missing: the unit of ${key} cannot be known`);
  return unit;
}

function latency(doc: Json, key: string): Distribution {
  const metric = metricObject(doc, key);
  if (!metric) return {};
  const unit = unitOf(metric, key);
  const factor = msPerTimeUnit(unit);
  if (factor === undefined) throw new ParseFailure(`${key}.unit "${unit}" is not a unit of time`);
  return distributionFromRecord(metric, factor, key);
}

function tokenCount(doc: Json, key: string): Distribution {
  const metric = metricObject(doc, key);
  if (!metric) return {};
  const unit = metric['unit'];
  if (unit !== undefined && (typeof unit !== 'string' || !isTokenCountUnit(unit))) {
    throw new ParseFailure(`${key}.unit "${String(unit)}" is not a token count`);
  }
  return distributionFromRecord(metric, 1, key);
}

function scalarRate(doc: Json, key: string, expected: string): number | undefined {
  const metric = metricObject(doc, key);
  if (!metric || metric['avg'] === undefined || metric['avg'] === null) return undefined;
  const unit = unitOf(metric, key);
  if (normaliseRateUnit(unit) !== expected) throw new ParseFailure(`${key}.unit "${unit}" is not ${expected}`);
  return checkedNumber(metric['avg'], `${key}.avg`);
}

/**
 * Old GenAI-Perf: `output_token_throughput_per_request` = OSL / E2E per request (the first definition in
 * docs/method.md §Metrics and units).
 * New: `output_token_throughput_per_user` = 1 / ITL per request (excludes TTFT). Both kept, labelled.
 */
function perUserThroughput(doc: Json): { dist: Distribution; definition: TpsPerUserDefinition } | undefined {
  const candidates: Array<[string, TpsPerUserDefinition]> = [
    ['output_token_throughput_per_request', 'osl-over-e2e'],
    ['output_token_throughput_per_user', 'inverse-itl'],
  ];
  for (const [key, definition] of candidates) {
    const metric = metricObject(doc, key);
    if (!metric) continue;
    const unit = unitOf(metric, key);
    if (!/^tokens\/s(?:\/user)?$/.test(normaliseRateUnit(unit)))
      throw new ParseFailure(`${key}.unit "${unit}" is not tokens/s`);
    return { dist: distributionFromRecord(metric, 1, key), definition };
  }
  return undefined;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function readConfig(config: Json, run: ParsedRun): void {
  // Old layout: flat keys. Newer (config-file based): perf_analyzer.stimulus = {concurrency: N} | {request_rate: R}.
  const perfAnalyzer = config['perf_analyzer'];
  const stimulus = isObject(perfAnalyzer) && isObject(perfAnalyzer['stimulus']) ? perfAnalyzer['stimulus'] : {};
  const concurrency = positiveNumber(config['concurrency']) ?? positiveNumber(stimulus['concurrency']);
  const requestRate = positiveNumber(config['request_rate']) ?? positiveNumber(stimulus['request_rate']);
  if (concurrency !== undefined || requestRate !== undefined) {
    run.load = {};
    if (concurrency !== undefined) run.load.concurrency = concurrency;
    if (requestRate !== undefined) run.load.requestRate = requestRate;
  }

  const model = config['formatted_model_name'] ?? config['model'];
  const modelName = Array.isArray(model) ? model.filter((m) => typeof m === 'string').join(', ') : model;
  if (typeof modelName === 'string' && modelName !== '') run.metadata.model = modelName;
  if (typeof config['backend'] === 'string') run.metadata.backend = config['backend'];
  if (typeof config['endpoint_type'] === 'string') run.metadata.endpointType = config['endpoint_type'];
  const isl = positiveNumber(config['synthetic_input_tokens_mean']);
  if (isl !== undefined) run.metadata.targetInputTokens = isl;
  const osl = positiveNumber(config['output_tokens_mean']);
  if (osl !== undefined) run.metadata.targetOutputTokens = osl;
}

export const genaiPerfJson: BenchmarkParser = {
  id: 'genai-perf-json',
  label: 'GenAI-Perf summary JSON (profile_export_genai_perf.json)',
  detect,
  parse,
};
