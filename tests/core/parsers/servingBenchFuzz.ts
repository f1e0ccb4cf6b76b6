/**
 * Fuzzing shared by the vLLM and SGLang parser tests: arbitrary text, and a real result file with one value
 * replaced, its text cut at a random offset, or a number token swapped for text Python's json may write.
 * Whatever the input, `parseFile` must return runs with only finite, non-negative numbers, or a reason.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS } from '../../../src/core/model/benchmark.ts';
import type { ParseOutcome } from '../../../src/core/parsers/types.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';

/** Fails unless the outcome is well-formed: runs with sane numbers, or a non-empty reason. */
export function expectSaneOutcome(outcome: ParseOutcome): void {
  if (outcome.kind !== 'runs') {
    expect(outcome.reason.trim()).not.toBe('');
    return;
  }
  expect(outcome.runs.length).toBeGreaterThan(0);
  for (const run of outcome.runs) {
    expect(run.requestsPerSecond !== undefined || run.outputTokensPerSecond !== undefined).toBe(true);
    for (const field of DISTRIBUTION_FIELDS) {
      for (const value of Object.values(run[field])) {
        expect(Number.isFinite(value) && value >= 0, `${field}: ${value}`).toBe(true);
      }
    }
    for (const field of SCALAR_FIELDS) {
      const value = run[field];
      if (value !== undefined) expect(Number.isFinite(value) && value >= 0, `${field}: ${value}`).toBe(true);
    }
    for (const key of ['concurrency', 'requestRate'] as const) {
      const value = run.load?.[key];
      if (value !== undefined) expect(Number.isFinite(value) && value > 0, `load.${key}: ${value}`).toBe(true);
    }
  }
}

/** A replacement for one JSON value: numbers of any sign and size, NaN-making text, nulls, other types. */
const replacement = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(-1, 0, -0.5, 1e308, 'NaN', 'inf', 'Infinity', '12', '', 'x', null, true),
  fc.string({ maxLength: 8 }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.double(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.double(), { maxKeys: 2 }),
);

/** Tokens Python's json writes or a broken file may hold where a number was. */
const numberToken = fc.constantFrom(
  ...['NaN', 'Infinity', '-Infinity', '-1', '1e400', '"12.5"', 'null', '[]', '{}', '"inf"'],
);

/**
 * Runs the fuzz properties over one real file (`text`, one JSON document or JSON Lines), at `path`.
 * Mutations touch the top-level keys of the file's objects (of each element when the document is a list).
 */
export function fuzzRealFile(path: string, text: string, numRuns = 200): void {
  const lines = text.trim().split('\n');
  const jsonLines = lines.length > 1 && lines.every((l) => l.trim().startsWith('{'));
  const readLenient = (json: string): unknown => JSON.parse(json.replace(/:\s*Infinity\b/g, ': null'));
  const documents = jsonLines ? lines.map(readLenient) : [readLenient(text)];
  const objects = documents.flatMap((d) => (Array.isArray(d) ? d : [d])) as Array<Record<string, unknown>>;
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  const indent = text.trim().includes('\n') ? 4 : 0; // keep a one-line file on one line
  const serialise = (docs: unknown[]) =>
    jsonLines ? docs.map((d) => JSON.stringify(d)).join('\n') : JSON.stringify(docs[0], null, indent);

  // One top-level value of one object replaced (type changes included).
  fc.assert(
    fc.property(fc.nat(), fc.constantFrom(...keys), replacement, (which, key, value) => {
      const docs = structuredClone(documents);
      const targets = docs.flatMap((d) => (Array.isArray(d) ? d : [d])) as Array<Record<string, unknown>>;
      const target = targets[which % targets.length];
      if (target) target[key] = value;
      expectSaneOutcome(parseFile({ path, text: serialise(docs) }));
    }),
    { numRuns },
  );
  // Truncated at any offset.
  fc.assert(
    fc.property(fc.nat({ max: text.length }), (cut) => {
      expectSaneOutcome(parseFile({ path, text: text.slice(0, cut) }));
    }),
    { numRuns },
  );
  // The n-th number of the text swapped for NaN, Infinity, a negative, a string…
  const numberCount = [...text.matchAll(/(?<=:\s*)-?\d[\d.eE+-]*/g)].length;
  fc.assert(
    fc.property(fc.nat({ max: Math.max(0, numberCount - 1) }), numberToken, (n, token) => {
      let seen = -1;
      const mutated = text.replace(/(?<=:\s*)-?\d[\d.eE+-]*/g, (m) => (++seen === n ? token : m));
      expectSaneOutcome(parseFile({ path, text: mutated }));
    }),
    { numRuns },
  );
}

/** Arbitrary text and arbitrary JSON at a path the tool would use: never a throw, always a sane outcome. */
export function fuzzArbitrary(path: string, numRuns = 200): void {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      expectSaneOutcome(parseFile({ path, text }));
    }),
    { numRuns },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expectSaneOutcome(parseFile({ path, text: new TextDecoder().decode(bytes) }));
    }),
    { numRuns },
  );
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
      expectSaneOutcome(parseFile({ path, text: JSON.stringify(value) }));
    }),
    { numRuns },
  );
}
