/**
 * Detection across every real fixture of every tool: each file is claimed by exactly one parser (a result parser
 * or a companion parser that skips it with a reason), so no file is read twice or by the wrong tool's parser.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANION_PARSERS, RESULT_PARSERS, parseFile, sniff } from '../../../src/core/parsers/registry.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('SOURCES.md') ? [] : [path];
  });
}

const files = filesUnder(ROOT).map((path) => relative(ROOT, path));

describe('detection over every real fixture', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s is claimed by exactly one parser and parses', (file) => {
    const sniffed = sniff({ path: file, text: readFileSync(join(ROOT, file), 'utf8') });
    const claimedBy = [...RESULT_PARSERS, ...COMPANION_PARSERS].filter((p) => p.detect(sniffed)).map((p) => p.id);
    expect(claimedBy).toHaveLength(1);
    const tool = file.split('/')[0];
    // The parser belongs to the tool whose folder holds the file (ids start with the tool's id).
    expect(claimedBy[0]?.startsWith(tool ?? '?'), `${claimedBy[0]} for ${file}`).toBe(true);
    const outcome = parseFile({ path: file, text: readFileSync(join(ROOT, file), 'utf8') });
    expect(outcome.kind).not.toBe('error');
  });
});
