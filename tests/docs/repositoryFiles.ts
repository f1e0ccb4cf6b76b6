/** The repository's own files, for tests that read all of them (self-containment, line length). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Tracked files plus new ones not ignored, so a problem is caught before it is committed. */
export function repositoryFiles(): string[] {
  const args = ['ls-files', '--cached', '--others', '--exclude-standard', '-z'];
  const out = execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile());
}

/** Text files only: a NUL byte in the first 8 KB marks a binary file (images). */
export function readText(path: string): string | undefined {
  const bytes = readFileSync(join(ROOT, path));
  return bytes.subarray(0, 8192).includes(0) ? undefined : bytes.toString('utf8');
}
