/**
 * Messages between the page and the parse worker. The worker answers file by file, so what it read before a
 * file that hangs or kills it is kept, and the page knows which file it was on.
 */
import type { FileError } from '../core/model/benchmark.ts';
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import type { ParseOutcome, ParsedRun } from '../core/parsers/types.ts';
import type { ScenarioResult } from '../core/scenario/validateScenario.ts';

export interface FileToParse {
  file: Blob;
  /** Path as dropped, folders kept. */
  path: string;
}

export interface ParseBatchResult {
  runs: ParsedRun[];
  errors: FileError[];
  skipped: FileError[];
}

export interface ParseProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/** The buffers of an outcome's per-request arrays, to move to the page rather than copy (postMessage transfer). */
export function transferables(outcome: ParseOutcome): ArrayBuffer[] {
  if (outcome.kind !== 'runs') return [];
  const buffers = new Set<ArrayBuffer>();
  for (const run of outcome.runs) {
    const samples = run.requests;
    if (!samples) continue;
    buffers.add(samples.ok.buffer as ArrayBuffer);
    for (const column of Object.values(samples.columns)) {
      for (const array of [column.values, column.sorted, column.order]) buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

/**
 * Files are handed to the worker in parts of HANDOVER_FILES, the page yielding between parts: passing a chosen file
 * costs the page a blocking file-system call (its size and date), ~1 ms each on a busy machine, so 1,000 files in
 * one message froze the page for a second. The worker appends each part to its batch and numbers files across
 * parts; `last` marks the final part.
 */
export const HANDOVER_FILES = 32;

/** `mappings`: the scenario's column mappings, for files no built-in parser reads (sent with the first part). */
export type ToWorker =
  | { type: 'parse'; files: FileToParse[]; mappings?: readonly ColumnMapping[] | undefined; last: boolean }
  | { type: 'scenario'; file: Blob };
export type FromWorker =
  /**
   * The sizes of files[from…] (one part), sent as the part arrives. Reading a chosen file's size asks the file
   * system (a blocking call per file the first time): a thousand of them on the page's thread froze it ~1 s.
   */
  | { type: 'sizes'; from: number; sizes: number[] }
  /** Reading of files[index] begins (the page's time budget for it starts). */
  | { type: 'start'; index: number }
  /** Bytes of files[index] read so far. */
  | { type: 'bytes'; index: number; bytes: number }
  | { type: 'file'; index: number; outcome: ParseOutcome }
  | { type: 'done' }
  /** The answer to a scenario file. */
  | { type: 'scenario'; result: ScenarioResult };
