/**
 * Pareto front (docs/method.md §Pareto front): a point is on the front when no other point has strictly higher y
 * at the same or better x (lower x for latencies, higher x for tokens/s per user). Checked against an O(n²) oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFront } from '../../../src/core/analysis/pareto.ts';

const RUNS = { numRuns: 200 };

interface Item {
  /** Position in the input, so duplicates stay distinguishable. */
  index: number;
  x: number | undefined;
  y: number | undefined;
}

/** Coordinates from a coarse grid (many ties) or continuous; occasionally missing or not finite. */
const coordinate = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

const items = fc
  .array(fc.record({ x: coordinate, y: coordinate }), { maxLength: 30 })
  .map((raw) => raw.map((r, index): Item => ({ index, x: r.x, y: r.y })));

const plotted = (i: Item): i is Item & { x: number; y: number } =>
  i.x !== undefined && i.y !== undefined && Number.isFinite(i.x) && Number.isFinite(i.y);

/** `b` dominates `a`: strictly higher y at the same or better x. */
function dominates(b: { x: number; y: number }, a: { x: number; y: number }, higherXIsBetter: boolean): boolean {
  const sameOrBetterX = higherXIsBetter ? b.x >= a.x : b.x <= a.x;
  return sameOrBetterX && b.y > a.y;
}

describe.each([false, true])('paretoFront (higherXIsBetter: %s)', (higherXIsBetter) => {
  it('keeps exactly the plotted points that no plotted point dominates', () => {
    fc.assert(
      fc.property(items, (input) => {
        const front = paretoFront(
          input,
          (i) => i.x,
          (i) => i.y,
          higherXIsBetter,
        );
        const valid = input.filter(plotted);
        const frontIndexes = front.map((i) => i.index);

        // Every front member is an input item, at most once, and plottable.
        expect(new Set(frontIndexes).size).toBe(frontIndexes.length);
        for (const f of front) {
          expect(input[f.index]).toBe(f);
          expect(plotted(f), `item ${f.index} with x=${String(f.x)} y=${String(f.y)} cannot be on the front`).toBe(
            true,
          );
        }
        // No point on the front is dominated by any input point.
        for (const f of front.filter(plotted)) {
          const dominator = valid.find((v) => dominates(v, f, higherXIsBetter));
          expect(dominator, `front item ${f.index} (${f.x}, ${f.y}) is dominated`).toBeUndefined();
        }
        // Every input point that is not dominated is on the front (O(n²) oracle).
        const expected = valid.filter((a) => !valid.some((b) => dominates(b, a, higherXIsBetter))).map((a) => a.index);
        expect([...frontIndexes].sort((a, b) => a - b)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('is unchanged by the order of the input', () => {
    fc.assert(
      fc.property(
        items.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }),
          ),
        ),
        ([input, shuffled]) => {
          const run = (list: readonly Item[]): number[] =>
            paretoFront(
              list,
              (i) => i.x,
              (i) => i.y,
              higherXIsBetter,
            )
              .map((i) => i.index)
              .sort((a, b) => a - b);
          expect(run(shuffled)).toEqual(run(input));
        },
      ),
      RUNS,
    );
  });
});
