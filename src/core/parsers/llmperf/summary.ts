/**
 * LLMPerf (ray-project/llmperf `token_benchmark_ray.py`, results version "2023-08-31"):
 * `<model>_<in>_<out>_summary.json`, one flat object (the tool's `flatten_dict` of its metadata and results),
 * every latency in SECONDS:
 *
 *   {"version": "2023-08-31", "name": "…_summary", "model": "…",
 *    "mean_input_tokens": 550, "mean_output_tokens": 150, "num_concurrent_requests": 5,
 *    "results_ttft_s_quantiles_p25" … "_p99", "results_ttft_s_mean", "_min", "_max", "_stddev",   (same for
 *      end_to_end_latency_s, inter_token_latency_s, request_output_throughput_token_per_s, number_input_tokens,
 *      number_output_tokens)
 *    "results_num_completed_requests": 150, "results_num_completed_requests_per_min": 64.9,
 *    "results_mean_output_throughput_token_per_s": 162.9, "results_number_errors": 0,
 *    …and the user's `--metadata key=value` pairs}
 *
 * Quantiles are pandas' [0.25, 0.5, 0.75, 0.9, 0.95, 0.99]. `json.dump(…, default=str)` writes numpy integers
 * (the min/max of the token counts) as text: "550".
 */
import { isObject } from '../../collections.ts';
import type { Distribution, Stat } from '../../model/benchmark.ts';
import { nonEmptyText, optionalNumber, scaled } from '../jsonFields.ts';
import { emptyRun, requireThroughput, runPathOf } from '../runs.ts';
import { truncate } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

export const LLMPERF_SUMMARY_FILE = /_summary\.json$/i;

/** A flat LLMPerf summary, known by its results keys. */
export function looksLikeLlmperfSummary(value: unknown): boolean {
  if (!isObject(value)) return false;
  return ['results_ttft_s_mean', 'results_end_to_end_latency_s_mean', 'results_num_completed_requests_per_min'].some(
    (key) => key in value,
  );
}

const STAT_SUFFIXES: ReadonlyArray<[string, Stat]> = [
  ['mean', 'avg'],
  ['min', 'min'],
  ['max', 'max'],
  ['quantiles_p25', 'p25'],
  ['quantiles_p50', 'p50'],
  ['quantiles_p75', 'p75'],
  ['quantiles_p90', 'p90'],
  ['quantiles_p95', 'p95'],
  ['quantiles_p99', 'p99'],
];

/** Integer-valued metrics whose min/max LLMPerf writes as text (numpy int64 through `default=str`). */
const TEXT_MIN_MAX = new Set(['number_input_tokens', 'number_output_tokens']);
const TEXT_NOTE =
  'Token-count min/max are written as text by LLMPerf ("550": numpy integers through json.dump default=str) ' +
  'and read as numbers.';

/** Keys of the tool itself; every other top-level text value is the user's `--metadata key=value`. */
const TOOL_KEYS = new Set([
  'version',
  'name',
  'model',
  'mean_input_tokens',
  'stddev_input_tokens',
  'mean_output_tokens',
  'stddev_output_tokens',
  'num_concurrent_requests',
  'timestamp',
  'framework',
]);

function metric(summary: Json, name: string, factor: number, run: ParsedRun): Distribution {
  const out: Distribution = {};
  for (const [suffix, stat] of STAT_SUFFIXES) {
    const key = `results_${name}_${suffix}`;
    const raw = summary[key];
    if (typeof raw === 'string' && TEXT_MIN_MAX.has(name) && (suffix === 'min' || suffix === 'max')) {
      if (!/^\s*\d+(?:\.\d+)?\s*$/.test(raw)) {
        throw new ParseFailure(`${key} is the text "${truncate(raw, 30)}", not a count`);
      }
      if (!run.notes.includes(TEXT_NOTE)) run.notes.push(TEXT_NOTE);
      out[stat] = scaled(Number(raw), factor, key);
      continue;
    }
    const value = optionalNumber(summary, key, '');
    if (value !== undefined) out[stat] = scaled(value, factor, key);
  }
  return out;
}

/**
 * One summary as one run. `loadKey` is the load level a collection keyed it by, used when the summary has no
 * `num_concurrent_requests`.
 */
export function readLlmperfSummary(summary: Json, runPath: string, path: string, loadKey?: number): ParsedRun {
  const run = emptyRun(runPath, { path, tool: 'llmperf', format: 'llmperf-summary' });
  run.notes.push('LLMPerf latencies are in seconds (…_s fields), converted to ms.');
  run.ttftMs = metric(summary, 'ttft_s', 1000, run);
  run.e2eMs = metric(summary, 'end_to_end_latency_s', 1000, run);
  run.outputTokensPerSecondPerUser = metric(summary, 'request_output_throughput_token_per_s', 1, run);
  if (Object.keys(run.outputTokensPerSecondPerUser).length > 0) run.tpsPerUserDefinition = 'osl-over-e2e';
  run.inputTokens = metric(summary, 'number_input_tokens', 1, run);
  run.outputTokens = metric(summary, 'number_output_tokens', 1, run);

  const itlMean = optionalNumber(summary, 'results_inter_token_latency_s_mean', '');
  if (itlMean !== undefined) {
    run.notes.push(
      `LLMPerf's inter-token latency (mean ${(itlMean * 1000).toFixed(2)} ms) is each request's streamed time, ` +
        'TTFT included, ÷ its output tokens; it is neither ITL nor TPOT, so it is not used.',
    );
  }
  const otps = optionalNumber(summary, 'results_mean_output_throughput_token_per_s', '');
  if (otps !== undefined) run.outputTokensPerSecond = otps;
  const perMinute = optionalNumber(summary, 'results_num_completed_requests_per_min', '');
  if (perMinute !== undefined) {
    run.requestsPerSecond = perMinute / 60;
    run.derived.push('requestsPerSecond');
    run.notes.push('Requests/s = results_num_completed_requests_per_min ÷ 60 (LLMPerf counts requests per minute).');
  }
  const completed = optionalNumber(summary, 'results_num_completed_requests', '');
  if (completed !== undefined) run.requestCount = completed;
  const errors = optionalNumber(summary, 'results_number_errors', '');
  if (errors !== undefined) run.errorCount = errors;
  requireThroughput(run);

  readLoad(summary, run, loadKey);
  readMetadata(summary, run);
  return run;
}

function readLoad(summary: Json, run: ParsedRun, loadKey: number | undefined): void {
  const concurrency = optionalNumber(summary, 'num_concurrent_requests', '');
  if (concurrency !== undefined && concurrency > 0) {
    run.load = { concurrency };
    if (loadKey !== undefined && loadKey !== concurrency) {
      run.notes.push(
        `Collected under the key "${loadKey}", but the summary says num_concurrent_requests ${concurrency}: ` +
          'the summary is used.',
      );
    }
  } else if (loadKey !== undefined && loadKey > 0) {
    run.load = { concurrency: loadKey };
    run.notes.push(`Concurrency ${loadKey} from the summary's key in the file (no num_concurrent_requests in it).`);
  }
}

function readMetadata(summary: Json, run: ParsedRun): void {
  const model = nonEmptyText(summary['model']);
  if (model !== undefined) run.metadata.model = model;
  const framework = nonEmptyText(summary['framework']);
  if (framework !== undefined) run.metadata.framework = framework;
  const isl = optionalNumber(summary, 'mean_input_tokens', '');
  if (isl !== undefined && isl > 0) run.metadata.targetInputTokens = isl;
  const osl = optionalNumber(summary, 'mean_output_tokens', '');
  if (osl !== undefined && osl > 0) run.metadata.targetOutputTokens = osl;
  const configuration: Record<string, string> = {};
  for (const [key, value] of Object.entries(summary)) {
    const text = nonEmptyText(value);
    if (text !== undefined && !TOOL_KEYS.has(key) && !key.startsWith('results_')) configuration[key] = text;
  }
  if (Object.keys(configuration).length > 0) run.metadata.configuration = configuration;
}

function detect(file: SniffedFile): boolean {
  return looksLikeLlmperfSummary(file.json);
}

function parse(file: SniffedFile): ParseOutcome {
  const run = readLlmperfSummary(file.json as Json, runPathOf(file.path, LLMPERF_SUMMARY_FILE), file.path);
  return { kind: 'runs', runs: [run] };
}

export const llmperfSummary: BenchmarkParser = {
  id: 'llmperf-summary',
  label: 'LLMPerf summary JSON (*_summary.json)',
  detect,
  parse,
};
