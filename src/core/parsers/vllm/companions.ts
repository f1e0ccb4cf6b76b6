/**
 * Files vLLM's benchmarks write beside their results that carry no result of their own: recognised so that
 * dropping a whole results or sweep folder does not report them as errors.
 */
import { isObject } from '../../collections.ts';
import { baseName, truncate } from '../text.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';
import { isSweepWarmup, isVllmResult } from './common.ts';
import { SLA_AGGREGATE } from './sweepSummary.ts';

/** `vllm bench sweep --warmup-num-prompts`: `warmup.json`, a result with run_number -1. */
export const vllmSweepWarmup: BenchmarkParser = {
  id: 'vllm-sweep-warmup',
  label: 'vLLM bench sweep warm-up run (warmup.json)',
  detect: (file: SniffedFile) => isVllmResult(file.json) && isSweepWarmup(file.json),
  parse: () => ({ kind: 'skipped', reason: 'vLLM bench sweep warm-up run (run_number -1): not a measurement' }),
};

/**
 * `vllm bench sweep --continue-on-error`: `run=<n>.failure.json` =
 * {run_number, error_type, error, serve_overrides, bench_overrides}.
 */
export const vllmSweepFailure: BenchmarkParser = {
  id: 'vllm-sweep-failure',
  label: 'vLLM bench sweep failure record (*.failure.json)',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    return isObject(doc) && typeof doc['error_type'] === 'string' && 'error' in doc && isObject(doc['serve_overrides']);
  },
  parse: (file: SniffedFile) => {
    const doc = file.json as Record<string, unknown>;
    const error = truncate(`${String(doc['error_type'])}: ${String(doc['error'])}`, 160);
    const reason = `vLLM bench sweep failure record: this run failed (${error}), so it has no measurements`;
    return { kind: 'skipped', reason };
  },
};

/** `vllm bench sweep serve_sla`: `SLA--<criteria>.json`, the runs of every load level the search tried. */
export const vllmSlaAggregate: BenchmarkParser = {
  id: 'vllm-sweep-sla',
  label: 'vLLM bench sweep SLA search summary (SLA--*.json)',
  detect: (file: SniffedFile) =>
    SLA_AGGREGATE.test(baseName(file.path)) && Array.isArray(file.json) && isVllmResult(file.json[0]),
  parse: () => ({
    kind: 'skipped',
    reason:
      'vLLM bench sweep SLA search summary: it repeats the run=N.json files of its <variable>=<value> folders, ' +
      'which are read instead',
  }),
};

/** `vllm bench sweep`: `summary.csv` in the experiment folder, pandas' table of every run (index column first). */
export const vllmSweepCsv: BenchmarkParser = {
  id: 'vllm-sweep-csv',
  label: 'vLLM bench sweep summary.csv',
  detect: (file: SniffedFile) => {
    const header = file.firstLine;
    if (file.json !== undefined || !header.startsWith(',')) return false;
    return /,run_number(?:,|$)/.test(header) && /,request_throughput(?:,|$)/.test(header);
  },
  parse: () => ({
    kind: 'skipped',
    reason:
      "vLLM bench sweep summary.csv: a table of the sweep's run=N.json results, which are read instead " +
      '(load the sweep folder)',
  }),
};

/** `SAVE_TO_PYTORCH_BENCHMARK_FORMAT=1`: `<result>.pytorch.json`, the result re-packed one metric per record. */
export const vllmPytorchRecords: BenchmarkParser = {
  id: 'vllm-pytorch',
  label: 'vLLM PyTorch benchmark-format records (*.pytorch.json)',
  detect: (file: SniffedFile) => {
    const first: unknown = Array.isArray(file.json) ? file.json[0] : undefined;
    if (!/\.pytorch\.json$/i.test(file.path) || !isObject(first)) return false;
    return isObject(first['benchmark']) && isObject(first['metric']);
  },
  parse: () => ({
    kind: 'skipped',
    reason: 'vLLM PyTorch benchmark-format copy of a result: the result JSON of the same run is read instead',
  }),
};
