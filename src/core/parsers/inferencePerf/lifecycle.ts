/**
 * inference-perf (kubernetes-sigs/inference-perf, `inference_perf/reportgen/base.py` `summarize_requests`, v0.1–0.6
 * and main at 7de5ef2): `stage_<i>_lifecycle_metrics.json`, one file per load stage, all times in SECONDS:
 *
 *   {"load_summary": {"count", "schedule_delay": {…}, "send_duration", "requested_rate", "achieved_rate",
 *                     "concurrency"?},              ← rates since v0.1.1; concurrency for CONCURRENT stages
 *    "successes": {"count", "latency": {"request_latency", "time_to_first_token", "time_per_output_token",
 *                  "normalized_time_per_output_token", "inter_token_latency"},
 *                  "throughput": {"input_tokens_per_sec", "output_tokens_per_sec", "requests_per_sec", …},
 *                  "prompt_len" | "prompt_tokens", "output_len", "goodput_metrics"?: {"request_goodput", …}},
 *    "failures": {"count", …}, "benchmark_time_seconds"?}
 *
 * Each latency is `{mean, min, max, p0.1, p1, p5, p10, p25, median, p75, p90, p95, p99, p99.9}` (the configured
 * percentiles). The stage index is only in the file name. `adapter_<name>_stage_<i>_lifecycle_metrics.json` is the
 * same for the requests of one LoRA adapter.
 */
import { isObject } from '../../collections.ts';
import type { Distribution } from '../../model/benchmark.ts';
import { PYTHON_STAT_NAMES, distributionFromNamedStats, objectOrEmpty, optionalNumber } from '../jsonFields.ts';
import { emptyRun, requireThroughput, runPathOf } from '../runs.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

/**
 * Reports that aggregate several stages, hence not a load level: `summary_lifecycle_metrics.json` (the whole run)
 * and `adapter_<name>_lifecycle_metrics.json` (one LoRA adapter over all stages).
 */
export function isAggregateLifecycleFile(path: string): boolean {
  const name = baseName(path);
  if (/(?:^|[._-])summary_lifecycle_metrics\.json$/i.test(name)) return true;
  const adapter = /(?:^|[._-])adapter_.+_lifecycle_metrics\.json$/i.test(name);
  return adapter && !/_stage_\d+_lifecycle_metrics\.json$/i.test(name);
}

/** Client-side lifecycle report: load_summary + successes with latencies. */
export function isLifecycleReport(doc: unknown): doc is Json {
  if (!isObject(doc) || !isObject(doc['load_summary']) || !isObject(doc['successes'])) return false;
  return isObject(doc['successes']['latency']);
}

function detect(file: SniffedFile): boolean {
  return isLifecycleReport(file.json) && !isAggregateLifecycleFile(file.path);
}

function seconds(latency: Json, key: string): Distribution {
  const stats = latency[key];
  if (stats === undefined || stats === null) return {};
  if (!isObject(stats)) throw new ParseFailure(`successes.latency.${key} is not an object of statistics`);
  return distributionFromNamedStats(stats, PYTHON_STAT_NAMES, 1000, `successes.latency.${key}`);
}

function tokens(successes: Json, keys: string[]): Distribution {
  for (const key of keys) {
    const stats = successes[key];
    if (stats === undefined || stats === null) continue;
    if (!isObject(stats)) throw new ParseFailure(`successes.${key} is not an object of statistics`);
    return distributionFromNamedStats(stats, PYTHON_STAT_NAMES, 1, `successes.${key}`);
  }
  return {};
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Json;
  const runPath = runPathOf(file.path, /_lifecycle_metrics\.json$/i);
  const run = emptyRun(runPath, { path: file.path, tool: 'inference-perf', format: 'inference-perf-lifecycle' });
  const stage = /(?:^|[/\\._-])(?:adapter_(.+?)_)?stage_(\d+)$/i.exec(runPath);
  if (stage) {
    // Stage files dropped without their folder still form one sweep.
    run.familyPath = runPath.slice(0, stage.index) || 'inference-perf';
    if (stage[1] !== undefined) run.metadata.configuration = { lora_adapter: stage[1] };
  }

  const successes = doc['successes'] as Json;
  const latency = objectOrEmpty(successes['latency']);
  run.ttftMs = seconds(latency, 'time_to_first_token');
  run.tpotMs = seconds(latency, 'time_per_output_token');
  run.itlMs = seconds(latency, 'inter_token_latency');
  run.e2eMs = seconds(latency, 'request_latency');
  run.inputTokens = tokens(successes, ['prompt_len', 'prompt_tokens']);
  run.outputTokens = tokens(successes, ['output_len', 'output_tokens']);
  run.notes.push(
    'inference-perf times are in seconds, converted to ms. ' +
      'TPOT: (last token − first token) ÷ (output tokens − 1) per request; ' +
      'ITL: every gap between consecutive output tokens, pooled over requests (tokens that arrive in ' +
      'one chunk are gaps of ~0, so its median can be near 0).',
  );

  const throughput = objectOrEmpty(successes['throughput']);
  const rps = optionalNumber(throughput, 'requests_per_sec', 'successes.throughput');
  if (rps !== undefined) run.requestsPerSecond = rps;
  const otps = optionalNumber(throughput, 'output_tokens_per_sec', 'successes.throughput');
  if (otps !== undefined) run.outputTokensPerSecond = otps;
  const itps = optionalNumber(throughput, 'input_tokens_per_sec', 'successes.throughput');
  if (itps !== undefined) run.inputTokensPerSecond = itps;
  const goodputMetrics = objectOrEmpty(successes['goodput_metrics']);
  const goodput = optionalNumber(goodputMetrics, 'request_goodput', 'successes.goodput_metrics');
  if (goodput !== undefined) run.goodputRequestsPerSecond = goodput;
  const count = optionalNumber(successes, 'count', 'successes');
  if (count !== undefined) run.requestCount = count;
  const failures = optionalNumber(objectOrEmpty(doc['failures']), 'count', 'failures');
  if (failures !== undefined) run.errorCount = failures;
  const duration = optionalNumber(doc, 'benchmark_time_seconds', 'report');
  if (duration !== undefined && duration > 0) run.durationS = duration;
  requireThroughput(run);

  readLoad(objectOrEmpty(doc['load_summary']), run);
  return { kind: 'runs', runs: [run] };
}

/**
 * CONCURRENT stages carry `concurrency` (their requested_rate is an internal burst rate); CONSTANT / POISSON stages
 * `requested_rate`. The point is plotted at its measured throughput; the label is what was requested.
 */
function readLoad(summary: Json, run: ParsedRun): void {
  const concurrency = optionalNumber(summary, 'concurrency', 'load_summary');
  if (concurrency !== undefined && concurrency > 0) {
    run.load = { concurrency };
    return;
  }
  const requested = optionalNumber(summary, 'requested_rate', 'load_summary');
  if (requested === undefined || requested <= 0) {
    run.notes.push(
      'load_summary has no requested_rate (inference-perf before 0.1.1): ' +
        'the load level comes from the path or is asked.',
    );
    return;
  }
  run.load = { requestRate: requested };
  const achieved = optionalNumber(summary, 'achieved_rate', 'load_summary');
  if (achieved !== undefined && Math.abs(achieved - requested) > 0.05 * requested) {
    const change = ((achieved - requested) / requested) * 100;
    run.notes.push(
      `Requests were sent at ${achieved.toFixed(2)} req/s of the ${requested} requested ` +
        `(${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(0)} %): ` +
        'the generator did not hold the requested rate.',
    );
  }
}

export const inferencePerfLifecycle: BenchmarkParser = {
  id: 'inference-perf-lifecycle',
  label: 'inference-perf stage report (stage_<i>_lifecycle_metrics.json)',
  detect,
  parse,
};
