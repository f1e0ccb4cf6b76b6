import { describe, expect, it } from 'vitest';
import { niceTicks, roundTicksThatFit, snapBound, spacedTicks, yAxisWidthPx } from '../../src/ui/chart/scaleMath.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k from a multiple of the step at or below the minimum', () => {
    expect(niceTicks(0, 2400, 6)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0, 47.3, 6)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0.013, 0.071, 5)).toEqual([0, 0.02, 0.04, 0.06, 0.08]); // 0.058 ÷ 5 = 0.0116 → step 0.02
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

describe('snapBound: a dragged limit lands on a round value', () => {
  it('on a linear axis, on a 1-2-5 step near 1/50 of the span', () => {
    expect(snapBound(263.7, [0, 2400], false, 20)).toBe(250); // 2400 ÷ 50 = 48 → step 50
    expect(snapBound(3, [0, 2400], false, 20)).toBe(20); // never below the floor
  });

  it('on a log axis, on a step near 1/20 of the value', () => {
    expect(snapBound(263.7, [20, 2700], true, 20)).toBe(260); // 263.7 ÷ 20 = 13.2 → step 10
    expect(snapBound(1734, [20, 2700], true, 20)).toBe(1700); // 86.7 → step 100
    expect(snapBound(27.34, [20, 2700], true, 20)).toBe(27); // 1.37 → step 1
  });
});

describe('spacedTicks: only labels that fit side by side', () => {
  const width = (tick: number) => tick.toLocaleString('en-US').length * 7;

  it('on a log axis keeps the first, each one clear of the last kept, and the last instead of its neighbour', () => {
    const ticks = [20, 50, 100, 200, 500, 1000, 2000];
    // 447 px: every label fits (the closest pair, 1,000 and 2,000, is 59.7 px apart and needs 35 + 16).
    expect(spacedTicks(ticks, [15, 2700], true, 447, width)).toEqual(ticks);
    // 200 px: positions 11.1, 46.4, 73.1, 99.8, 135.0, 161.7, 188.4. 100 is 26.7 px after 50 (needs 33.5), 500 is
    // 35.3 after 200 (needs 37), 2,000 is 26.7 after 1,000 (needs 51): it takes 1,000's place (88.7 from 200).
    expect(spacedTicks(ticks, [15, 2700], true, 200, width)).toEqual([20, 50, 200, 2000]);
  });

  it('on a linear axis', () => {
    // 100 px over 0–2,500: 20 px per tick; 500 needs 30 from 0, 1,500 and 2,000 need 51 from 1,000.
    expect(spacedTicks([0, 500, 1000, 1500, 2000, 2500], [0, 2500], false, 100, width)).toEqual([0, 1000, 2500]);
    expect(spacedTicks([], [0, 1], false, 100, width)).toEqual([]);
  });
});

describe('roundTicksThatFit and yAxisWidthPx', () => {
  const format = (tick: number) => tick.toLocaleString('en-US');

  it('takes round ticks inside the domain and keeps those whose labels fit (7 px a character)', () => {
    // logTicks(15, 2700) = 20, 50, 100, 200, 500, 1,000, 2,000: thinned at 200 px as spacedTicks above.
    expect(roundTicksThatFit([15, 2700], true, 200, format)).toEqual([20, 50, 200, 2000]);
    // niceTicks(0, 2500, 6) = 0, 500, …, 2,500 (all inside): thinned at 100 px.
    expect(roundTicksThatFit([0, 2500], false, 100, format)).toEqual([0, 1000, 2500]);
  });

  it('makes a y axis as wide as its longest label, its tick marks (14 px) and its title (24 px)', () => {
    expect(yAxisWidthPx(['0', '500', '1,000'])).toBe(5 * 7 + 14 + 24);
  });
});
