/**
 * No line over 120 characters in the repository's own text (Prettier's printWidth, `npm run format`). Prettier
 * wraps code but never a string, comment or Markdown table, so this checks what it cannot. Exempt: generated and
 * byte-for-byte files (.prettierignore), Markdown table rows, a JSON line holding one string (JSON cannot split it)
 * and a line whose length is one URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, repositoryFiles, ROOT } from './repositoryFiles.ts';

const MAX = 120;

/** Paths .prettierignore lists (folders end with /): the same files are exempt here. */
const ignored = readFileSync(join(ROOT, '.prettierignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

function isIgnored(path: string): boolean {
  return ignored.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

function isExempt(path: string, line: string): boolean {
  if (path.endsWith('.md') && line.trimStart().startsWith('|')) return true;
  if (path.endsWith('.json') && /^\s*"[^"]*": "(?:[^"\\]|\\.)*",?$/.test(line)) return true;
  return /https?:\/\/\S{40,}/.test(line);
}

describe('line length', () => {
  it(`no line is over ${MAX} characters`, () => {
    const long: string[] = [];
    for (const path of repositoryFiles()) {
      if (isIgnored(path)) continue;
      const text = readText(path);
      if (text === undefined) continue;
      text.split('\n').forEach((line, index) => {
        if ([...line].length > MAX && !isExempt(path, line)) long.push(`${path}:${index + 1} (${[...line].length})`);
      });
    }
    expect(long, `lines over ${MAX} characters:\n${long.join('\n')}`).toEqual([]);
  });
});
