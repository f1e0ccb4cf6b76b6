/**
 * Large per-request files read as a stream of chunks: the outcome must be the whole-text parser's, wherever the
 * chunks are cut (inside a string, an escape, a number, a member name).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import { ListSumsReader } from '../../../src/core/parsers/stream/numberArrays.ts';
import { ObjectMemberReader } from '../../../src/core/parsers/stream/objectStream.ts';
import { lineSplitter, parseStream, streamParserFor } from '../../../src/core/parsers/stream/streamParsers.ts';
import { vllmDetailedResult } from '../../fixtures/perRequestSynthetic.ts';

/** `text` cut at the given fractions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (const p of points) {
    out.push(text.slice(start, p));
    start = p;
  }
  out.push(text.slice(start));
  return out;
}

describe('ObjectMemberReader', () => {
  it('gives the kept members of any object, wherever the text is cut', () => {
    const member = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }))),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), member),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.boolean(),
        (doc, at, pretty) => {
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          const reader = new ObjectMemberReader((key) => !key.startsWith('a'));
          for (const chunk of cut(text, at)) reader.push(chunk);
          const expected = JSON.parse(
            JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('a')))),
          ) as unknown;
          expect(reader.end()).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts inside escapes: "\\\\" and \\" across chunks', () => {
    const text = JSON.stringify({ s: 'a\\"b\\\\', t: ['x"]', '\\'], n: -1.5e-3 });
    for (let i = 1; i < text.length; i++) {
      const reader = new ObjectMemberReader(() => true);
      reader.push(text.slice(0, i));
      reader.push(text.slice(i));
      expect(reader.end()).toEqual(JSON.parse(text));
    }
  });

  it('refuses a truncated object and bad structure with the position', () => {
    const reader = new ObjectMemberReader(() => true);
    reader.push('{"a": [1, 2');
    expect(() => reader.end()).toThrow('the JSON object ends early');
    expect(() => new ObjectMemberReader(() => true).push('[1]')).toThrow('invalid JSON: expected "{" at position 0');
  });
});

describe('ListSumsReader', () => {
  it('sums each number list as JSON.parse and a loop would, wherever the text is cut', () => {
    const lists = fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 20 });
    fc.assert(
      fc.property(lists, fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (value, at) => {
        const reader = new ListSumsReader('itls');
        for (const chunk of cut(JSON.stringify(value, null, 1), at)) reader.push(chunk);
        const sums = reader.end();
        const parsed = JSON.parse(JSON.stringify(value)) as number[][];
        expect([...sums.counts]).toEqual(parsed.map((l) => l.length));
        expect([...sums.sums]).toEqual(parsed.map((l) => l.reduce((s, x) => s + x, 0)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not a list of number lists', () => {
    const reader = new ListSumsReader('itls');
    expect(() => reader.push('[[1, "a"]]')).toThrow('itls holds "a", not a number');
    expect(() => new ListSumsReader('itls').push('[[1], x]')).toThrow('itls holds "x" outside a number list');
  });
});

describe('lineSplitter', () => {
  it('gives every non-empty line once, numbered, across chunk cuts', () => {
    const lines: Array<[string, number]> = [];
    const s = lineSplitter((line, n) => lines.push([line, n]));
    for (const chunk of ['a\nb', 'b\n\nc', 'c\r', '\nd']) s.push(chunk);
    s.end();
    expect(lines).toEqual([
      ['a', 1],
      ['bb', 2],
      ['cc\r', 4],
      ['d', 5],
    ]);
  });
});

describe('stream parsers give the whole-text outcome', () => {
  it('AIPerf profile_export.jsonl (real file), cut into 4 KB chunks', async () => {
    const path = 'run-concurrency100/profile_export.jsonl';
    const text = readFileSync(
      join(
        import.meta.dirname,
        '../../fixtures/real/aiperf/gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export.jsonl',
      ),
      'utf8',
    );
    const parser = streamParserFor(text.slice(0, 64 * 1024), path)!;
    expect(parser.id).toBe('aiperf-records-jsonl');
    const chunks = Array.from({ length: Math.ceil(text.length / 4096) }, (_, i) =>
      text.slice(i * 4096, (i + 1) * 4096),
    );
    expect(await parseStream(parser, path, chunks)).toEqual(parseFile({ path, text }));
  });

  it('a vLLM result with --save-detailed arrays, in 1 KB chunks; its generated texts are never kept', async () => {
    const path = 'vllm/openai-infqps-concurrency8-opt-125m.json';
    const text = JSON.stringify(vllmDetailedResult({ requests: 50, failEvery: 7 }), null, 4);
    const parser = streamParserFor(text.slice(0, 64 * 1024), path)!;
    expect(parser.id).toBe('vllm-json');
    const chunks = Array.from({ length: Math.ceil(text.length / 1024) }, (_, i) =>
      text.slice(i * 1024, (i + 1) * 1024),
    );
    const streamed = await parseStream(parser, path, chunks);
    const whole = parseFile({ path, text });
    expect(streamed.kind).toBe('runs');
    expect(streamed).toEqual(whole);
  });

  it('names the layout and the line of a broken record', async () => {
    const path = 'x/profile_export.jsonl';
    const good = readFileSync(
      join(
        import.meta.dirname,
        '../../fixtures/real/aiperf/gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export.jsonl',
      ),
      'utf8',
    ).split('\n')[0]!;
    const parser = streamParserFor(good, path)!;
    const outcome = await parseStream(parser, path, [`${good}\n{"metadata": {`, '\n']);
    expect(outcome).toEqual({
      kind: 'error',
      reason: expect.stringMatching(/^NVIDIA AIPerf per-request records \(profile_export\.jsonl\): line 2 is not JSON/),
    });
  });
});
