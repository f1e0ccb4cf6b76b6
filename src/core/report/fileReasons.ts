/**
 * Files that could not be used (or were skipped), grouped by reason so that 300 files refused for one cause read
 * as one line with a count, not 300 lines. Groups keep the order in which their reason first appeared.
 */
import type { FileError } from '../model/benchmark.ts';
import { groupBy } from '../collections.ts';

export interface ReasonGroup {
  reason: string;
  files: string[];
}

export function groupByReason(entries: readonly FileError[]): ReasonGroup[] {
  return [...groupBy(entries, (e) => e.reason)].map(([reason, list]) => ({ reason, files: list.map((e) => e.file) }));
}

/** "1 file", "3 files". */
export function countFiles(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}
