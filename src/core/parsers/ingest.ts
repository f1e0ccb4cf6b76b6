/**
 * Files in, points out: each file parsed on its own by the registry, then the runs built into points
 * (`buildPoints.ts`). Errors never stop the other files. Used where parsing happens: the parse worker's callers,
 * the CLI and tests; the page's store only builds points (so the parsers stay out of its bundle).
 */
import type { FileError, LoadPoint } from '../model/benchmark.ts';
import { buildLoadPoints } from './buildPoints.ts';
import type { ParseOptions } from './registry.ts';
import { parseFile } from './registry.ts';
import type { InputFile, ParseOutcome, ParsedRun } from './types.ts';

export { buildLoadPoints, separateSamePathRuns } from './buildPoints.ts';
export type { UnresolvedRun } from './buildPoints.ts';

export interface IngestResult {
  points: LoadPoint[];
  /** Files that could not be used: shown to the user, exit 1 in the CLI. */
  errors: FileError[];
  /** Companion files recognised and deliberately not used (raw exports, inputs.json). */
  skipped: FileError[];
}

/** One file's outcome, under the name the file is shown by. */
export interface FileOutcome {
  path: string;
  outcome: ParseOutcome;
}

/** Parses files and builds points. Errors never stop the other files. */
export function ingestFiles(files: Iterable<InputFile>, options: ParseOptions = {}): IngestResult {
  function* outcomes(): Generator<FileOutcome> {
    for (const file of files) yield { path: file.path, outcome: parseFile(file, options) };
  }
  return ingestOutcomes(outcomes());
}

/** Builds points from files already parsed (the CLI reads and parses each file as a stream). */
export function ingestOutcomes(outcomes: Iterable<FileOutcome>): IngestResult {
  const runs: ParsedRun[] = [];
  const errors: FileError[] = [];
  const skipped: FileError[] = [];
  for (const { path, outcome } of outcomes) {
    if (outcome.kind === 'runs') runs.push(...outcome.runs);
    else (outcome.kind === 'error' ? errors : skipped).push({ file: path, reason: outcome.reason });
  }
  const built = buildLoadPoints(runs);
  return { points: built.points, errors: [...errors, ...built.errors], skipped };
}
