/** Refused and skipped files grouped by reason, so 300 files refused for one cause read as one line. */
import { describe, expect, it } from 'vitest';
import { countFiles, groupByReason } from '../../../src/core/report/fileReasons.ts';

describe('groupByReason', () => {
  it('groups files by reason, in the order each reason first appears', () => {
    const entries = [
      { file: 'a.json', reason: 'not JSON' },
      { file: 'b.txt', reason: 'not a benchmark' },
      { file: 'c.json', reason: 'not JSON' },
    ];
    expect(groupByReason(entries)).toEqual([
      { reason: 'not JSON', files: ['a.json', 'c.json'] },
      { reason: 'not a benchmark', files: ['b.txt'] },
    ]);
    expect(groupByReason([])).toEqual([]);
  });
});

describe('countFiles', () => {
  it('says "file" for one and "files" otherwise', () => {
    expect(countFiles(1)).toBe('1 file');
    expect(countFiles(3)).toBe('3 files');
    expect(countFiles(0)).toBe('0 files');
  });
});
