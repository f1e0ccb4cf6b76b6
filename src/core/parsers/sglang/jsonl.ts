/**
 * SGLang `python -m sglang.bench_serving --output-file <f>.jsonl`: one JSON object appended per run, one per line
 * (python/sglang/bench_serving.py, `benchmark()`: `file.write(json.dumps(result) + "\n")`).
 *   0.5.x: tag, backend, dataset_name, request_rate (bare `Infinity` when unlimited: Python's json.dumps),
 *          max_concurrency, sharegpt_output_len, random_input_len, random_output_len, random_range_ratio,
 *          server_info (the server's arguments incl. version, model_path, tp_size; behind a prefill/decode router
 *          {prefill: [one per server], decode: [one per server]}), duration (s), completed, total_input_tokens,
 *          total_output_tokens, request_throughput, input_throughput, output_throughput,
 *          {mean,median,std,p99}_{e2e_latency,ttft,tpot}_ms, {mean,median,std,p95,p99}_itl_ms,
 *          concurrency (MEASURED: Σ request latency ÷ duration), accept_length (speculative decoding)
 *   2024: backend, dataset_name, request_rate, totals, mean/median_e2e_latency_ms, median_ttft_ms, median_itl_ms,
 *          output_throughput, the *_len arguments, duration, completed — no request_throughput, no model.
 * `--output-details` adds per-request arrays (ttfts, itls… in seconds) to the line: ignored here.
 */
import { isObject } from '../../collections.ts';
import type { Json, ResultRecord } from '../servingBench.ts';
import {
  firstRecord,
  latencyStats,
  noteItlAndTpot,
  notePerRequestArrays,
  optionalNumber,
  optionalText,
  readResults,
  readTotals,
  setLoad,
} from '../servingBench.ts';
import { loadFromPath } from '../loadFromPath.ts';
import { truncate } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber } from '../units.ts';

/** SGLang names the end-to-end latency `e2e_latency` (vLLM: `e2el`), and only SGLang writes `server_info`. */
function isSglangResult(value: unknown): value is Json {
  if (!isObject(value) || !('mean_e2e_latency_ms' in value || 'median_e2e_latency_ms' in value)) return false;
  return 'completed' in value || 'output_throughput' in value || 'request_throughput' in value;
}

function detect(file: SniffedFile): boolean {
  return isSglangResult(firstRecord(file));
}

function parse(file: SniffedFile): ParseOutcome {
  const familyOf = (stem: string) => loadFromPath(stem).familyPath;
  return { kind: 'runs', runs: readResults(file, { tool: 'sglang', format: 'sglang-jsonl' }, familyOf, readLine) };
}

function readLine(doc: Json, run: ParsedRun, record: ResultRecord): void {
  if (!isSglangResult(doc)) throw new ParseFailure('not an SGLang bench_serving result (no mean_e2e_latency_ms)');
  run.ttftMs = latencyStats(doc, 'ttft');
  run.tpotMs = latencyStats(doc, 'tpot');
  run.itlMs = latencyStats(doc, 'itl');
  run.e2eMs = latencyStats(doc, 'e2e_latency');
  noteItlAndTpot(run, 'SGLang');
  readTotals(doc, run);
  const inputRate = optionalNumber(doc, 'input_throughput');
  if (inputRate !== undefined) run.inputTokensPerSecond = inputRate;
  notePerRequestArrays(doc, run);
  readLoad(doc, run, record.text);
  readWorkload(doc, run);
  readServer(doc, run);
  const tag = optionalText(doc, 'tag');
  if (tag !== undefined) run.notes.push(`Run tag: "${truncate(tag, 80)}".`);
  const accept = optionalNumber(doc, 'accept_length');
  if (accept !== undefined) run.notes.push(`Speculative decoding accept length: ${accept}.`);
}

function readLoad(doc: Json, run: ParsedRun, text: string): void {
  const raw = doc['request_rate'];
  let rate: number | undefined;
  let unlimited = false;
  // The lenient JSON parse turns a bare Infinity into null: the line's text tells it from a real null.
  if (raw === null && /"request_rate"\s*:\s*Infinity\b/.test(text)) unlimited = true;
  else if (raw === 'trace') run.notes.push('request_rate "trace": requests were replayed at the times of a trace.');
  else if (typeof raw === 'string') {
    throw new ParseFailure(`request_rate is the text "${truncate(raw, 30)}", expected a number or Infinity`);
  } else if (raw !== undefined && raw !== null) rate = checkedNumber(raw, 'request_rate');
  setLoad(run, { concurrency: optionalNumber(doc, 'max_concurrency'), rate, unlimited }, 'Infinity');
  const measured = optionalNumber(doc, 'concurrency');
  if (measured !== undefined) {
    run.notes.push(
      'Measured mean requests in flight (SGLang "concurrency" = Σ request latency ÷ duration): ' +
        `${measured}; not the load level.`,
    );
  }
}

/** Datasets whose lengths the random_* arguments set (bench_serving: random, random-ids, image…). */
const RANDOM_LENGTH_DATASET = /^(?:random|image)/;

function readWorkload(doc: Json, run: ParsedRun): void {
  const dataset = optionalText(doc, 'dataset_name');
  if (dataset === undefined) return;
  run.metadata.dataset = dataset;
  // The *_len arguments are written whatever the dataset; only the ones the dataset used are the request.
  if (RANDOM_LENGTH_DATASET.test(dataset)) {
    const isl = optionalNumber(doc, 'random_input_len');
    const osl = optionalNumber(doc, 'random_output_len');
    if (isl !== undefined) run.metadata.targetInputTokens = isl;
    if (osl !== undefined) run.metadata.targetOutputTokens = osl;
    const ratio = optionalNumber(doc, 'random_range_ratio');
    if (ratio !== undefined) {
      (run.metadata.configuration ??= {})['random_range_ratio'] = String(ratio);
      if (ratio < 1) {
        run.notes.push(
          `random_range_ratio ${ratio}: request lengths were drawn up to the requested random_input_len / ` +
            'random_output_len, so the measured means are lower.',
        );
      }
    }
  } else if (dataset === 'sharegpt') {
    const osl = optionalNumber(doc, 'sharegpt_output_len');
    if (osl !== undefined) run.metadata.targetOutputTokens = osl;
  }
}

/** Which server an SGLang backend name talks to (bench_serving's backend choices). */
function frameworkOfBackend(backend: string): string | undefined {
  if (/^sglang/.test(backend)) return 'sglang';
  if (/^vllm/.test(backend)) return 'vllm';
  if (/^lmdeploy/.test(backend)) return 'lmdeploy';
  if (backend === 'trt') return 'tensorrt-llm';
  return undefined;
}

function readServer(doc: Json, run: ParsedRun): void {
  const configuration = (run.metadata.configuration ??= {});
  const backend = optionalText(doc, 'backend');
  if (backend !== undefined) {
    run.metadata.backend = backend;
    const framework = frameworkOfBackend(backend);
    if (framework !== undefined) run.metadata.framework = framework;
  }
  const info = doc['server_info'];
  if (!isObject(info)) return;
  run.metadata.framework = 'sglang'; // only an SGLang server (or its router) answers /get_server_info
  const prefill = info['prefill'];
  const decode = info['decode'];
  let servers: Json[];
  if (Array.isArray(prefill) && Array.isArray(decode)) {
    configuration['disaggregation'] = `${prefill.length}P${decode.length}D`;
    parallelism(prefill[0], 'prefill ', configuration);
    parallelism(decode[0], 'decode ', configuration);
    servers = [...prefill, ...decode].filter(isObject);
    const layout = `${prefill.length} prefill, ${decode.length} decode server(s)`;
    run.notes.push(`Prefill/decode disaggregated: ${layout} behind a router.`);
  } else {
    const mode = optionalText(info, 'disaggregation_mode'); // "null" (a string) on an aggregated server
    configuration['disaggregation'] = mode === undefined || mode === 'null' ? 'none' : mode;
    parallelism(info, '', configuration);
    servers = [info];
  }
  const first = servers[0];
  const model = first && (optionalText(first, 'served_model_name') ?? optionalText(first, 'model_path'));
  if (model !== undefined) run.metadata.model = model;
  const versions = [...new Set(servers.map((server) => optionalText(server, 'version')))].filter(
    (version) => version !== undefined,
  );
  if (versions.length > 0) {
    run.source.toolVersion = versions.join(' / ');
    run.notes.push(`SGLang server version ${versions.join(' / ')} (server_info.version).`);
  }
}

/** tp always, dp and pp when above 1, from one server's arguments. */
function parallelism(server: unknown, prefix: string, configuration: Record<string, string>): void {
  if (!isObject(server)) return;
  for (const [key, name] of [
    ['tp_size', 'tp'],
    ['dp_size', 'dp'],
    ['pp_size', 'pp'],
  ] as const) {
    const value = server[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (name === 'tp' || value > 1) configuration[`${prefix}${name}`] = String(value);
  }
}

export const sglangJsonl: BenchmarkParser = {
  id: 'sglang-jsonl',
  label: 'SGLang bench_serving JSONL (--output-file)',
  detect,
  parse,
};
