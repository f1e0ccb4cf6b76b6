/**
 * Signatures of benchmark tools this version does not read yet (docs/file-formats.md), so a
 * file from one of them gets "this is a vLLM result; not supported yet" rather than "unknown format".
 */
import type { SniffedFile } from './types.ts';
import { isObject } from '../collections.ts';

function firstJsonLine(file: SniffedFile): unknown {
  const line = file.firstLine;
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const SIGNATURES: ReadonlyArray<{ tool: string; test: (file: SniffedFile) => boolean }> = [
  { tool: 'NVIDIA AIPerf summary JSON', test: (f) => isObject(f.json) && ('aiperf_version' in f.json || isObject(f.json['records'])) },
  { tool: 'NVIDIA AIPerf summary CSV', test: (f) => /^metric,avg,min,max,(?:sum,)?p1\b/i.test(f.firstLine) },
  { tool: 'NVIDIA AIPerf per-request JSONL', test: (f) => { const l = firstJsonLine(f); return isObject(l) && isObject(l['metadata']) && isObject(l['metrics']); } },
  { tool: 'vLLM benchmark result', test: (f) => { const d = Array.isArray(f.json) ? f.json[0] : f.json; return isObject(d) && 'request_throughput' in d && ('mean_ttft_ms' in d || 'model_id' in d); } },
  { tool: 'SGLang bench_serving JSONL', test: (f) => { const l = isObject(f.json) ? f.json : firstJsonLine(f); return isObject(l) && 'mean_e2e_latency_ms' in l; } },
  { tool: 'LLMPerf summary', test: (f) => isObject(f.json) && 'num_concurrent_requests' in f.json },
  { tool: 'LLMPerf individual responses', test: (f) => Array.isArray(f.json) && isObject(f.json[0]) && 'ttft_s' in f.json[0] },
  { tool: 'GuideLLM benchmarks', test: (f) => isObject(f.json) && Array.isArray(f.json['benchmarks']) },
  { tool: 'inference-perf lifecycle metrics', test: (f) => isObject(f.json) && isObject(f.json['successes']) && ('load_summary' in f.json || 'failures' in f.json) },
];

/** The name of the tool that wrote this file, when it is one we recognise but do not read yet. */
export function recogniseUnsupportedTool(file: SniffedFile): string | undefined {
  return SIGNATURES.find((s) => s.test(file))?.tool;
}
