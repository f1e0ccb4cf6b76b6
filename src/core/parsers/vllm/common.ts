/**
 * One vLLM `vllm bench serve` result object (vllm/benchmarks/serve.py `result_json`; the older
 * benchmarks/benchmark_serving.py wrote the same keys), as read by the single-result and the sweep-summary layouts:
 *
 *   date, endpoint_type, backend, label, model_id, tokenizer_id, num_prompts, <--metadata key=value entries>,
 *   request_rate (number, or the text "inf"), burstiness, max_concurrency (int or null),
 *   [ramp_up_strategy, ramp_up_start_rps, ramp_up_end_rps], duration (s), completed, failed,
 *   total_input_tokens, total_output_tokens, request_throughput, request_goodput (null unless --goodput;
 *   "request_goodput:" in older files), output_throughput, total_token_throughput, max_output_tokens_per_s,
 *   max_concurrent_requests (peak in flight), {mean,median,std,p<P>}_{ttft,tpot,itl,e2el}_ms,
 *   [run_number and the swept parameters, added by `vllm bench sweep`]
 */
import { isObject } from '../../collections.ts';
import { loadFromPath } from '../loadFromPath.ts';
import type { Json } from '../servingBench.ts';
import {
  folderOf,
  latencyStats,
  noteItlAndTpot,
  notePerRequestArrays,
  optionalNumber,
  optionalText,
  readTotals,
  setLoad,
} from '../servingBench.ts';
import { baseName, truncate } from '../text.ts';
import { hasDetailedArrays, readVllmDetailed } from './detailed.ts';
import type { ParsedRun } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber } from '../units.ts';

/**
 * A vLLM result object: it names the model as `model_id` (or has the vLLM-only `*_e2el_ms` keys) and reports
 * measurements. SGLang's lines (`*_e2e_latency_ms`, `server_info`) are never taken for vLLM.
 */
export function isVllmResult(value: unknown): value is Json {
  if (!isObject(value) || 'server_info' in value) return false;
  if ('mean_e2e_latency_ms' in value || 'median_e2e_latency_ms' in value) return false;
  const named = 'model_id' in value || 'tokenizer_id' in value || 'mean_e2el_ms' in value || 'median_e2el_ms' in value;
  const measured = 'request_throughput' in value || 'output_throughput' in value || 'completed' in value;
  return named && measured;
}

/** `vllm bench sweep` marks its warm-up run (`warmup.json`) with run_number -1. */
export function isSweepWarmup(doc: Json): boolean {
  return doc['run_number'] === -1;
}

/**
 * Where a file sits in a `vllm bench sweep` tree (vllm/benchmarks/sweep/serve.py `_get_comb_base_path`):
 *   <experiment>/SERVE--<k=v-k=v…>-BENCH--<k=v-k=v…>/run=<n>.json and summary.json
 *   <experiment>/SERVE--…-BENCH--…/<request_rate|max_concurrency>=<v>/run=<n>.json   (SLA search, serve_sla.py)
 * Either part is left out when nothing of it is swept; a part may be a `_benchmark_name` instead of k=v pairs.
 */
export interface SweepLocation {
  experiment: string;
  serve: Record<string, string>;
  bench: Record<string, string>;
}

export function sweepLocation(path: string): SweepLocation | undefined {
  const folders = path.split(/[\\/]/).slice(0, -1);
  let index = folders.length - 1;
  while (index >= 0 && !/^(?:SERVE|BENCH)--/.test(folders[index] ?? '')) index--;
  if (index < 0) return undefined;
  const match = /^(?:SERVE--(.*?))?(?:-?BENCH--(.*))?$/.exec(folders[index] ?? '');
  return {
    experiment: folders.slice(0, index).join('/'),
    serve: sweepItems(match?.[1], 'serve'),
    bench: sweepItems(match?.[2], 'bench'),
  };
}

/** `max_num_seqs=4-max_concurrency=2` → {max_num_seqs: '4', max_concurrency: '2'}; a bare name → {serve: name}. */
function sweepItems(text: string | undefined, part: string): Record<string, string> {
  if (text === undefined || text === '') return {};
  if (!text.includes('=')) return { [part]: text };
  const items: Record<string, string> = {};
  for (const m of text.matchAll(/(?:^|-)([A-Za-z_][\w.-]*?)=(.*?)(?=-[A-Za-z_][\w.-]*=|$)/g)) {
    if (m[1] !== undefined) items[m[1]] = m[2] ?? '';
  }
  return items;
}

/** The runs of one sweep experiment form one family (split into series by the swept parameters). */
export function vllmFamily(path: string, stemPath: string): string {
  const sweep = sweepLocation(path);
  if (sweep) return sweep.experiment === '' ? 'vllm bench sweep' : sweep.experiment;
  // vLLM's own file name: {label or backend}-{rate}qps[-concurrency{N}]-{model}-{YYYYMMDD-HHMMSS}.json
  const named = /^(.+?)-(?:inf|\d+(?:\.\d+)?)qps(?:-concurrency\d+)?-(.+)-\d{8}-\d{6}$/.exec(baseName(stemPath));
  if (named) {
    const folder = folderOf(stemPath);
    return `${folder === '' ? '' : `${folder}/`}${named[1] ?? ''}-${named[2] ?? ''}`;
  }
  return loadFromPath(stemPath.replace(/[._-]?run=\d+$/, '')).familyPath;
}

/** Keys whose text value is the benchmark's own; any other text entry came from `--metadata key=value`. */
const OWN_TEXT_KEYS = new Set([
  'date',
  'endpoint_type',
  'backend',
  'label',
  'model_id',
  'tokenizer_id',
  'request_rate',
  'ramp_up_strategy',
  'framework',
]);
/** Per-run times a wrapper may add: they tell runs apart, not configurations. */
const TIME_KEY = /(?:^|_)(?:date|time|timestamp|datetime)$/i;
/** Swept benchmark parameters that are the load level, or only the sample size: not configuration traits. */
const NOT_CONFIGURATION = new Set([
  'max_concurrency',
  'max-concurrency',
  'request_rate',
  'request-rate',
  'num_prompts',
  'num-prompts',
]);
const ISL_KEYS = new Set(['random_input_len', 'random-input-len', 'input_len', 'input-len']);
const OSL_KEYS = new Set(['random_output_len', 'random-output-len', 'output_len', 'output-len']);

/** Reads one vLLM result object into `run` (latencies, totals, load, metadata). */
export function readVllmResult(doc: Json, run: ParsedRun): void {
  run.ttftMs = latencyStats(doc, 'ttft');
  run.tpotMs = latencyStats(doc, 'tpot');
  run.itlMs = latencyStats(doc, 'itl');
  run.e2eMs = latencyStats(doc, 'e2el');
  noteItlAndTpot(run, 'vLLM');
  readTotals(doc, run);
  const failed = optionalNumber(doc, 'failed');
  if (failed !== undefined) run.errorCount = failed;
  const goodput = optionalNumber(doc, 'request_goodput') ?? optionalNumber(doc, 'request_goodput:');
  if (goodput !== undefined) run.goodputRequestsPerSecond = goodput;
  if (hasDetailedArrays(doc)) readVllmDetailed(doc, run);
  else notePerRequestArrays(doc, run);
  readLoad(doc, run);
  readMetadata(doc, run);
  const sweep = sweepLocation(run.source.path);
  if (sweep) readSweep(doc, sweep, run);
}

function readLoad(doc: Json, run: ParsedRun): void {
  const ramp = optionalText(doc, 'ramp_up_strategy');
  if (ramp !== undefined) {
    const from = truncate(String(doc['ramp_up_start_rps'] ?? '?'), 20);
    const to = truncate(String(doc['ramp_up_end_rps'] ?? '?'), 20);
    throw new ParseFailure(
      `ramp-up run (${ramp}, ${from} → ${to} req/s): the offered rate changed during the run, ` +
        'so it is not one load level',
    );
  }
  const rawRate = doc['request_rate'];
  let rate: number | undefined;
  let unlimited = false;
  if (rawRate === 'inf') unlimited = true;
  else if (typeof rawRate === 'string') {
    throw new ParseFailure(`request_rate is the text "${truncate(rawRate, 30)}", expected a number or "inf"`);
  } else if (rawRate !== undefined && rawRate !== null) rate = checkedNumber(rawRate, 'request_rate');
  setLoad(run, { concurrency: optionalNumber(doc, 'max_concurrency'), rate, unlimited }, '"inf"');
  const peak = optionalNumber(doc, 'max_concurrent_requests');
  if (peak !== undefined) run.notes.push(`Peak requests in flight measured: ${peak}.`);
}

function readMetadata(doc: Json, run: ParsedRun): void {
  const configuration: Record<string, string> = {};
  const model = optionalText(doc, 'model_id');
  if (model !== undefined) run.metadata.model = model;
  const backend = optionalText(doc, 'backend');
  if (backend !== undefined) {
    run.metadata.backend = backend;
    configuration['backend'] = backend;
  }
  const endpoint = optionalText(doc, 'endpoint_type');
  if (endpoint !== undefined) run.metadata.endpointType = endpoint;
  const framework = optionalText(doc, 'framework');
  if (framework !== undefined) run.metadata.framework = framework;
  const label = optionalText(doc, 'label');
  if (label !== undefined) configuration['label'] = label;
  const tokenizer = optionalText(doc, 'tokenizer_id');
  if (tokenizer !== undefined && tokenizer !== model) configuration['tokenizer'] = tokenizer;
  const burstiness = doc['burstiness'];
  if (typeof burstiness === 'number' && burstiness !== 1) configuration['burstiness'] = String(burstiness);
  const extra: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (typeof value !== 'string' || OWN_TEXT_KEYS.has(key) || TIME_KEY.test(key) || value.trim() === '') continue;
    configuration[key] = value.trim();
    extra.push(key);
  }
  if (extra.length > 0) run.notes.push(`Entries given with --metadata kept as configuration: ${extra.join(', ')}.`);
  run.metadata.configuration = configuration;
}

/** The swept parameters named by the sweep folder become configuration entries (requested ISL/OSL as such). */
function readSweep(doc: Json, sweep: SweepLocation, run: ParsedRun): void {
  const configuration = run.metadata.configuration ?? {};
  const swept: string[] = [];
  for (const [key, value] of Object.entries({ ...sweep.serve, ...sweep.bench })) {
    const number = Number(value);
    if (ISL_KEYS.has(key) && value !== '' && Number.isFinite(number)) run.metadata.targetInputTokens = number;
    else if (OSL_KEYS.has(key) && value !== '' && Number.isFinite(number)) run.metadata.targetOutputTokens = number;
    else if (!NOT_CONFIGURATION.has(key)) configuration[key] = value;
    swept.push(`${key}=${value}`);
  }
  run.metadata.configuration = configuration;
  const repeat = doc['run_number'];
  const repeatText = typeof repeat === 'number' ? `, repeat ${repeat}` : '';
  run.notes.push(`vllm bench sweep run (${swept.join(', ') || 'no swept parameters'}${repeatText}).`);
}
