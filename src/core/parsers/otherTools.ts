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
];

/** The name of the tool that wrote this file, when it is one we recognise but do not read yet. */
export function recogniseUnsupportedTool(file: SniffedFile): string | undefined {
  return SIGNATURES.find((s) => s.test(file))?.tool;
}
