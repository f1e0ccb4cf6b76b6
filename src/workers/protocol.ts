/** Messages between the page and the parse worker. */
import type { FileError } from '../core/model/benchmark.ts';
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
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

/** `mappings`: the scenario's column mappings, for files no built-in parser reads. */
export type ToWorker = {
  type: 'parse';
  id: number;
  files: FileToParse[];
  mappings?: readonly ColumnMapping[] | undefined;
};
export type FromWorker = { type: 'progress'; id: number; progress: ParseProgress } | { type: 'done'; id: number; result: ParseBatchResult };
