/** Messages between the page and the parse worker. */
import type { FileError } from '../core/model/benchmark.ts';
import type { ParsedRun } from '../core/parsers/types.ts';

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

export type ToWorker = { type: 'parse'; id: number; files: FileToParse[] };
export type FromWorker = { type: 'progress'; id: number; progress: ParseProgress } | { type: 'done'; id: number; result: ParseBatchResult };
