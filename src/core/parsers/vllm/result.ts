/**
 * vLLM `vllm bench serve --save-result` (or `benchmarks/benchmark_serving.py`) result JSON: one object per file, or
 * one object per line when runs were added with `--append-result` (JSON Lines). Also `run=<n>.json` of a
 * `vllm bench sweep` tree, where the swept parameters are added to the object and named by the folder.
 * Keys: see ./common.ts. Latencies are in ms (`_ms` keys); the per-request arrays of `--save-detailed` (seconds) are
 * read by ./detailed.ts.
 */
import { readResults, firstRecord } from '../servingBench.ts';
import type { BenchmarkParser, ParseOutcome, SniffedFile } from '../types.ts';
import { isSweepWarmup, isVllmResult, readVllmResult, vllmFamily } from './common.ts';

function detect(file: SniffedFile): boolean {
  const first = firstRecord(file);
  return isVllmResult(first) && !isSweepWarmup(first);
}

function parse(file: SniffedFile): ParseOutcome {
  const familyOf = (stem: string) => vllmFamily(file.path, stem);
  return { kind: 'runs', runs: readResults(file, { tool: 'vllm', format: 'vllm-json' }, familyOf, readVllmResult) };
}

export const vllmJson: BenchmarkParser = {
  id: 'vllm-json',
  label: 'vLLM bench serve result JSON (--save-result / --append-result, sweep run=N.json)',
  detect,
  parse,
};
