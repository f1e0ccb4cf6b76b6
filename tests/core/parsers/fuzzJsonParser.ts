/**
 * Fuzzing a JSON result parser through `parseFile` (fast-check): arbitrary text, a real file with values replaced
 * (random numbers, negatives, NaN-producing text, null, bare NaN/Infinity, objects and lists in place of numbers
 * and the reverse), and the real file cut at a random offset. `parseFile` must never throw; it returns runs with
 * only finite, non-negative numbers, or an error / skip with a reason.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS } from '../../../src/core/model/benchmark.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParseOutcome } from '../../../src/core/parsers/types.ts';

/** Every number a parser produced is finite and ≥ 0; a refusal carries a reason. */
export function expectSaneOutcome(outcome: ParseOutcome): void {
  if (outcome.kind !== 'runs') {
    expect(outcome.reason.trim()).not.toBe('');
    return;
  }
  expect(outcome.runs.length).toBeGreaterThan(0);
  for (const run of outcome.runs) {
    for (const field of DISTRIBUTION_FIELDS) {
      for (const value of Object.values(run[field])) expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
    for (const field of SCALAR_FIELDS) {
      const value = run[field];
      if (value !== undefined) expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
    for (const value of [run.load?.concurrency, run.load?.requestRate]) {
      if (value !== undefined) expect(Number.isFinite(value) && value > 0).toBe(true);
    }
    expect(run.requestsPerSecond !== undefined || run.outputTokensPerSecond !== undefined).toBe(true);
  }
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every value position in a JSON tree (object members and list items). */
function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push({ parent: value, key: index });
      slots(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      slots(item, out);
    }
  }
  return out;
}

const BARE = '__bare__';

/** What a value is replaced with; `__bare__X` becomes the bare token X (Python's NaN / Infinity) in the text. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-1, 0, -0.5, 1e308, Number.MIN_VALUE, null, true, '', 'NaN', 'abc', '550', '-1', '1e999'),
  fc.constantFrom(`${BARE}NaN`, `${BARE}Infinity`, `${BARE}-Infinity`),
  fc.constantFrom({}, [], [1, 2], { mean: 1 }, { successful: null }),
  fc.string({ maxLength: 8 }),
);

/** The file with the picked slots replaced (the tree is restored afterwards, so it is parsed only once). */
function mutated(doc: unknown, all: Slot[], picks: Array<{ at: number; value: unknown }>): string {
  const undo: Array<() => void> = [];
  for (const { at, value } of picks) {
    const slot = all[at % all.length];
    if (!slot) continue;
    const parent = slot.parent as Record<string | number, unknown>;
    const previous = parent[slot.key];
    parent[slot.key] = value;
    undo.push(() => (parent[slot.key] = previous));
  }
  const text = JSON.stringify(doc);
  for (const restore of undo.reverse()) restore();
  return text.replace(new RegExp(`"${BARE}(-?(?:NaN|Infinity))"`, 'g'), '$1');
}

function check(path: string, text: string): void {
  let outcome: ParseOutcome | undefined;
  expect(() => (outcome = parseFile({ path, text }))).not.toThrow();
  if (outcome) expectSaneOutcome(outcome);
}

/** Runs the three fuzz properties on one real file, `numRuns` times each. */
export function fuzzJsonParser(path: string, text: string, numRuns = 200): void {
  check(path, text);
  const junk = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 3 }));
  fc.assert(
    fc.property(junk, (text) => check(path, text)),
    { numRuns },
  );
  const pick = fc.record({ at: fc.nat(), value: replacement });
  const doc: unknown = JSON.parse(text);
  const all = slots(doc);
  fc.assert(
    fc.property(fc.array(pick, { minLength: 1, maxLength: 4 }), (picks) => check(path, mutated(doc, all, picks))),
    { numRuns },
  );
  fc.assert(
    fc.property(fc.nat({ max: text.length }), (cut) => check(path, text.slice(0, cut))),
    { numRuns },
  );
}
