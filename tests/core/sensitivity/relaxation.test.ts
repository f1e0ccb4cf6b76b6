/**
 * Which constraint binds when nothing meets the SLA, and how far it must move (relaxation.ts): lower bounds
 * (tokens/s per user) as well as upper ones, levels without a capacity or without the statistic, ties between
 * series, and the wording. Every expected bound is a value of the hand-made levels below.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import type { Relaxation } from '../../../src/core/sensitivity/relaxation.ts';
import {
  bindingRelaxation,
  describeRelaxation,
  displayBound,
  relaxations,
} from '../../../src/core/sensitivity/relaxation.ts';
import { point } from '../helpers.ts';

function level(key: string, concurrency: number, ttft: number | undefined, tps: number, rps = 2): LoadPoint {
  return point({
    id: `${key}/c${concurrency}`,
    seriesKey: key,
    seriesName: key,
    concurrency,
    ...(ttft === undefined ? {} : { ttftMs: { avg: ttft } }),
    outputTokensPerSecondPerUser: { avg: tps },
    requestsPerSecond: rps,
  });
}

const series = (...points: LoadPoint[]) => resolveSeries(points, defaultScenario());
const ttft = (bound: number): SlaConstraint => ({ metric: 'ttft', stat: 'avg', bound });
const tps = (bound: number): SlaConstraint => ({ metric: 'tpsPerUser', stat: 'avg', bound });

describe('relaxations', () => {
  it('for a lower bound, the largest value among the levels that pass the other constraints', () => {
    // TTFT ≤ 100 passes at c1 (50 ms) and c2 (80 ms), not at c4. Tokens/s per user there: 30 and 40 → 40.
    const list = relaxations(
      series(level('A', 1, 50, 30), level('A', 2, 80, 40), level('A', 4, 200, 45)),
      [ttft(100), tps(50)],
      'requestsPerSecond',
    );
    expect(list[1]!.needed?.bound).toBe(40);
    expect(list[1]!.needed?.point.load.concurrency).toBe(2);
    expect(list[1]!.relativeChange).toBe(0.2); // |40 − 50| ÷ 50
    // Tokens/s per user ≥ 50 passes nowhere, so no TTFT bound helps.
    expect(list[0]!.needed).toBeNull();
    expect(list[0]!.relativeChange).toBe(Infinity);
    expect(describeRelaxation(list[1]!)).toBe(
      'Tokens/s per user avg ≥ 50 tokens/s → ≥ 40 tokens/s (−20 %): A then qualifies at concurrency 2',
    );
    expect(describeRelaxation(list[0]!)).toBe('relaxing TTFT avg ≤ 100 ms alone is not enough');
  });

  it('for an upper bound, the smallest value, wherever it comes in the list', () => {
    // A needs TTFT ≤ 150 ms, B only 120 ms: B is named although it comes second.
    const [r] = relaxations(series(level('A', 1, 150, 40), level('B', 1, 120, 40)), [ttft(100)], 'requestsPerSecond');
    expect(r!.needed?.bound).toBe(120);
    expect(r!.needed?.seriesKey).toBe('B');
  });

  it('keeps the first series on a tie, for an upper and for a lower bound', () => {
    const two = series(level('A', 1, 120, 40), level('B', 1, 120, 40));
    const upper = relaxations(two, [ttft(100)], 'requestsPerSecond');
    expect(upper[0]!.needed?.seriesKey).toBe('A');
    const lower = relaxations(two, [tps(50)], 'requestsPerSecond');
    expect(lower[0]!.needed?.seriesKey).toBe('A');
  });

  it('skips levels without a capacity in the demand unit, or without the statistic', () => {
    // c1 would need only 60 ms but serves 0 requests/s; c2 reports no TTFT; c4 needs 150 ms.
    const s = series(level('A', 1, 60, 40, 0), level('A', 2, undefined, 40), level('A', 4, 150, 40));
    const [r] = relaxations(s, [ttft(100)], 'requestsPerSecond');
    expect(r!.needed?.bound).toBe(150);
    expect(r!.needed?.point.load.concurrency).toBe(4);
    // In output tokens/s, which these levels do not report, no level has a capacity.
    expect(relaxations(s, [ttft(100)], 'outputTokensPerSecond')[0]!.needed).toBeNull();
  });

  it('says +0 % for a level already on the bound', () => {
    const [r] = relaxations(series(level('A', 1, 100, 40)), [ttft(100)], 'requestsPerSecond');
    expect(r!.relativeChange).toBe(0);
    expect(describeRelaxation(r!)).toBe('TTFT avg ≤ 100 ms → ≤ 100 ms (+0 %): A then qualifies at concurrency 1');
  });
});

describe('bindingRelaxation', () => {
  const entry = (constraintIndex: number, relativeChange: number, withLevel = true): Relaxation => ({
    constraintIndex,
    constraint: ttft(100),
    needed: withLevel ? { bound: 1, seriesKey: 'A', seriesName: 'A', point: level('A', 1, 1, 1) } : null,
    relativeChange,
  });

  it('is the smallest relative change, wherever it is in the list', () => {
    expect(bindingRelaxation([entry(0, 0.5), entry(1, 0.2), entry(2, 0.3)])?.constraintIndex).toBe(1);
    expect(bindingRelaxation([entry(0, Infinity, false), entry(1, 0.2)])?.constraintIndex).toBe(1);
  });

  it('is undefined when no single constraint suffices', () => {
    expect(bindingRelaxation([entry(0, Infinity, false), entry(1, Infinity, false)])).toBeUndefined();
  });
});

describe('displayBound', () => {
  it('rounds down a lower bound without taking binary noise for a digit', () => {
    // 4.35 ÷ 0.01 is 434.99999999999994 in binary: still 4.35, not 4.34.
    expect(displayBound(4.35, { metric: 'tpsPerUser' })).toBe(4.35);
    expect(displayBound(4.356, { metric: 'tpsPerUser' })).toBe(4.35);
    expect(displayBound(4.351, { metric: 'ttft' })).toBe(4.36);
  });

  it('returns zero and negative values as they are', () => {
    expect(displayBound(0, { metric: 'ttft' })).toBe(0);
    expect(displayBound(-3, { metric: 'tpsPerUser' })).toBe(-3);
  });
});
