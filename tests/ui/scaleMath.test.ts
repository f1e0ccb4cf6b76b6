import { describe, expect, it } from 'vitest';
import { niceTicks, snapBound } from '../../src/ui/chart/scaleMath.ts';

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
