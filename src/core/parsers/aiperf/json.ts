/**
 * AIPerf summary JSON: `profile_export_aiperf.json` (or `<prefix>.json`), one run. Three shapes seen:
 * - early (aiperf ~0.1, Oct 2025): `{records: {<tag>: {tag, unit, header, avg, min, max, p1…p99, std, count}},
 *   input_config: {endpoint, input, loadgen}, …}`, short tags `ttft`, `ttst`, no version field;
 * - 0.8 / `schema_version` 1.1, and late-2025 files with no version field: metrics at the top level
 *   (`time_to_first_token: {unit, avg, p1…p99, min, max, std, count, sum}`), config v1 (`input_config.loadgen`);
 * - 0.10+ / `schema_version` 1.3+: the same metrics, config v2 (`input_config.phases[]`, `run_info`).
 * Scalars (`request_throughput`, `goodput`…) are `{unit, avg}`; `goodput` is null without SLOs.
 */
import { isObject } from '../../collections.ts';
import { emptyRun } from '../runs.ts';
import type { BenchmarkParser, ParseOutcome, SniffedFile } from '../types.ts';
import { readInputConfig, readSweepValues } from './config.ts';
import { aiperfRunPath, findByTag, finishRun, readMetrics } from './metrics.ts';

type Json = Record<string, unknown>;

/** Records keyed by tag whose values carry `tag` and `unit`: the early layout. */
function hasTaggedRecords(records: Json): boolean {
  const first = Object.values(records).find(isObject);
  return first !== undefined && typeof first['tag'] === 'string' && 'unit' in first;
}

/**
 * An AIPerf run summary: early `records`, or an `input_config` with a version field or AIPerf's own config
 * sections. AIPerf's other JSON files are not: sweep / confidence aggregates (`aggregation_type`), time slices
 * (`timeslices`), server metrics (no `input_config`).
 */
export function isAiperfSummary(doc: unknown): doc is Json {
  if (!isObject(doc) || 'aggregation_type' in doc || 'timeslices' in doc) return false;
  if (isObject(doc['records'])) return hasTaggedRecords(doc['records']);
  const config = doc['input_config'];
  if (!isObject(config)) return false;
  if ('aiperf_version' in doc || 'schema_version' in doc) return true;
  return isObject(config['loadgen']) || Array.isArray(config['phases']);
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Json;
  const version = typeof doc['aiperf_version'] === 'string' ? doc['aiperf_version'] : undefined;
  const run = emptyRun(aiperfRunPath(file.path), {
    path: file.path,
    tool: 'aiperf',
    format: 'aiperf-json',
    ...(version !== undefined ? { toolVersion: version } : {}),
  });
  const records = isObject(doc['records']) ? doc['records'] : undefined;
  const read = readMetrics(run, records ? findByTag(records, 'records.') : findByTag(doc, ''));
  if (records) run.notes.push('Early AIPerf layout: metrics under "records", no version field.');
  if (isObject((records ?? doc)['reasoning_token_count'])) {
    run.notes.push("Output tokens include reasoning tokens (AIPerf's output sequence length = output + reasoning).");
  }

  const config = doc['input_config'];
  if (isObject(config)) readInputConfig(config, run);
  const runInfo = doc['run_info'];
  const variation = isObject(runInfo) ? runInfo['variation_values'] : undefined;
  if (isObject(variation)) readSweepValues(variation, 'run_info.variation_values', run);
  if (doc['was_cancelled'] === true) run.notes.push('The run was cancelled (was_cancelled): its results are partial.');
  finishRun(run, read);
  return { kind: 'runs', runs: [run] };
}

export const aiperfJson: BenchmarkParser = {
  id: 'aiperf-json',
  label: 'NVIDIA AIPerf summary JSON (profile_export_aiperf.json)',
  detect: (file) => isAiperfSummary(file.json),
  parse,
};
