/**
 * The operating point's edge cases (docs/method.md §Feasibility, §Operating point, §Interpolation): why no point
 * qualifies, in words; where an estimate is refused; what an estimated point carries.
 */
import { describe, expect, it } from 'vitest';
import { checkPoint, describeConstraint, feasibilityStatus } from '../../../src/core/analysis/feasibility.ts';
import { pickOperatingPoint, sortByLoad } from '../../../src/core/analysis/operatingPoint.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

const ttft = (bound: number, stat: SlaConstraint['stat'] = 'avg'): SlaConstraint => ({ metric: 'ttft', stat, bound });
const itl = (bound: number, stat: SlaConstraint['stat'] = 'avg'): SlaConstraint => ({ metric: 'itl', stat, bound });
const e2e = (bound: number): SlaConstraint => ({ metric: 'e2e', stat: 'avg', bound });
const at = (concurrency: number, rest: Partial<LoadPoint>) => point({ concurrency, ...rest });
const reason = (points: LoadPoint[], sla: SlaConstraint[], unit: 'requestsPerSecond' | 'concurrentRequests' = 'requestsPerSecond') => {
  const r = pickOperatingPoint(points, sla, unit);
  return r.meetsSla ? 'met' : `${r.notInFiles ? 'not in files' : 'fails'}: ${r.reason}`;
};

describe('why no load level qualifies', () => {
  it('has no points to pick from', () => {
    expect(reason([], [ttft(100)])).toBe('fails: no measured points');
  });

  it('meets the SLA but lacks the capacity in the demand unit', () => {
    expect(reason([at(1, { ttftMs: { avg: 50 } })], [ttft(100)])).toBe('fails: the feasible points do not report the capacity in requestsPerSecond');
  });

  it('names the constrained statistics the files lack, and those they have', () => {
    const p = at(1, { ttftMs: { avg: 50 }, itlMs: { avg: 5 } });
    expect(reason([p], [e2e(1000)])).toBe('not in files: E2E latency avg is not in the files');
    expect(reason([p], [e2e(1000), itl(10, 'p99')])).toBe('not in files: E2E latency avg is not in the files; ITL p99 is not in the files (they report avg)');
  });

  it('says so when each statistic is somewhere but no level has them all', () => {
    expect(reason([at(1, { ttftMs: { avg: 50 } }), at(2, { itlMs: { avg: 5 } })], [ttft(100), itl(10)])).toBe(
      'not in files: no load level reports every constrained statistic',
    );
  });

  it('gives what fails at the lowest load, rounded, and what cannot be checked', () => {
    // 150 ≥ 100 → no decimals; 12.34 → one; 0.123 → two significant digits.
    expect(reason([at(1, { ttftMs: { avg: 150 } })], [ttft(100), e2e(1000)])).toBe(
      'fails: even at the lowest load (concurrency 1) TTFT avg ≤ 100 ms but measured 150; the files do not report e2e avg, so those constraints cannot be checked',
    );
    expect(reason([at(1, { ttftMs: { avg: 0.123 }, itlMs: { avg: 12.34 } })], [ttft(0.1), itl(10)])).toBe(
      'fails: even at the lowest load (concurrency 1) TTFT avg ≤ 0.1 ms but measured 0.12; ITL avg ≤ 10 ms but measured 12.3',
    );
  });

  it('says no level meets every constraint when the lowest does not fail', () => {
    // c1 cannot be checked (no E2E), c2 fails TTFT.
    const points = [at(1, { ttftMs: { avg: 50 } }), at(2, { ttftMs: { avg: 150 }, e2eMs: { avg: 500 } })];
    expect(reason(points, [ttft(100), e2e(1000)])).toBe(
      'fails: no measured load level meets every constraint; the files do not report e2e avg, so those constraints cannot be checked',
    );
  });
});

describe('feasibility', () => {
  it('writes a lower bound with ≥ and the unit of the metric', () => {
    expect(describeConstraint({ metric: 'tpsPerUser', stat: 'p50', bound: 20 })).toBe('Tokens/s per user p50 ≥ 20 tokens/s');
    expect(describeConstraint(e2e(12_500))).toBe('E2E latency avg ≤ 12,500 ms');
    // A lower bound holds at the bound itself, like an upper one.
    const perUser = { metric: 'tpsPerUser', stat: 'avg', bound: 50 } as const;
    expect(feasibilityStatus(at(1, { outputTokensPerSecondPerUser: { avg: 50 } }), [perUser])).toBe('feasible');
    expect(feasibilityStatus(at(1, { outputTokensPerSecondPerUser: { avg: 49.9 } }), [perUser])).toBe('infeasible');
  });

  it('checks each constraint and fails on any failure, in any order', () => {
    const p = at(1, { ttftMs: { avg: 100 }, itlMs: { avg: 20 } });
    expect(checkPoint(p, [ttft(100), itl(10), e2e(5)]).checks).toEqual([
      { constraint: ttft(100), value: 100, status: 'pass' },
      { constraint: itl(10), value: 20, status: 'fail' },
      { constraint: e2e(5), value: undefined, status: 'unknown' },
    ]);
    expect(feasibilityStatus(p, [e2e(5), itl(10)])).toBe('infeasible');
    expect(feasibilityStatus(p, [itl(10), e2e(5)])).toBe('infeasible');
    expect(feasibilityStatus(p, [ttft(100), e2e(5)])).toBe('unknown');
    expect(feasibilityStatus(p, [ttft(100)])).toBe('feasible');
    expect(checkPoint(p, [ttft(100), e2e(5)]).status).toBe('unknown');
    expect(checkPoint(p, []).status).toBe('feasible');
  });
});

describe('sortByLoad', () => {
  it('sorts by load and keeps the input order of equal loads', () => {
    const points = [at(4, { id: 'a' }), at(1, { id: 'b' }), at(4, { id: 'c' }), at(2, { id: 'd' }), at(1, { id: 'e' })];
    expect(sortByLoad(points).map((p) => p.id)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });
});

describe('interpolation between two levels', () => {
  // c1: TTFT 100 (p99 150), ITL 10, 1 req/s, 90 tok/s, 100 requests in 60 s; c2: TTFT 300, ITL 20, 10 req/s.
  const lower = at(1, { ttftMs: { avg: 100, p99: 150 }, itlMs: { avg: 10 }, requestsPerSecond: 1, outputTokensPerSecond: 90, requestCount: 100, durationS: 60 });
  const upper = at(2, { ttftMs: { avg: 300 }, itlMs: { avg: 20 }, requestsPerSecond: 10 });
  const pick = (points: LoadPoint[], sla: SlaConstraint[]) => {
    const r = pickOperatingPoint(points, sla, 'requestsPerSecond', { interpolate: true });
    if (!r.meetsSla) throw new Error(r.reason);
    return r.operatingPoint;
  };

  it('builds the estimate half way, where TTFT reaches 200 ms; ITL holding at both ends does not bind', () => {
    // TTFT: t = (200 − 100) / (300 − 100) = 0.5. ITL ≤ 30: t = (30 − 10) / (20 − 10) = 2, outside the interval.
    const op = pick([lower, upper], [ttft(200), itl(30)]);
    expect(op.between).toEqual({ lowerId: 'c1r', upperId: 'c2r', fraction: 0.5, binding: ttft(200) });
    expect(op.capacity).toEqual({ value: 5.5, derived: false }); // 1 + 0.5 × 9
    // Counts belong to one run, and c2 has no output tok/s: none of them is carried over.
    const { requestCount: _count, durationS: _duration, outputTokensPerSecond: _otps, ...perRun } = lower;
    expect(op.point).toEqual({
      ...perRun,
      id: 'c1r ~ c2r @ 0.5000',
      sources: [...lower.sources, ...upper.sources],
      load: { origin: 'file', concurrency: 1.5 },
      ttftMs: { avg: 200 }, // p99 only at c1: not interpolated, not even as undefined
      itlMs: { avg: 15 },
      requestsPerSecond: 5.5,
      notes: ['Estimate: interpolated 50.0% of the way from concurrency 1 to concurrency 2, where TTFT avg ≤ 200 ms is reached.'],
    });
    expect(Object.keys(op.point)).not.toContain('outputTokensPerSecond');
    expect(Object.keys(op.point.ttftMs)).toEqual(['avg']);
    expect(Object.keys(op.point.load)).toEqual(['origin', 'concurrency']);
  });

  it('interpolates a request rate as the load', () => {
    const a = point({ requestRate: 2, ttftMs: { avg: 100 }, requestsPerSecond: 2 });
    const b = point({ requestRate: 4, ttftMs: { avg: 200 }, requestsPerSecond: 3.5 });
    // t = (175 − 100) / 100 = 0.75: rate 3.5/s, 2 + 0.75 × 1.5 = 3.125 req/s
    const op = pick([a, b], [ttft(175)]);
    expect(op.point.load).toStrictEqual({ origin: 'file', requestRate: 3.5 });
    expect(op.capacity.value).toBe(3.125);
  });

  it('gives no estimate when the lower level sits on the bound (t = 0): the level itself is the pick', () => {
    const op = pick([lower, upper], [ttft(100)]);
    expect(op.interpolated).toBe(false);
    expect(op.point).toBe(lower);
  });

  it('leaves no room when another constraint is already on its bound at the lower level', () => {
    // ITL 10 → 20 crosses 15 half way, but TTFT is exactly 100 ≤ 100 at c1 and rises: t = 0, no estimate.
    const op = pick([lower, upper], [ttft(100), itl(15)]);
    expect(op.interpolated).toBe(false);
    expect(op.point).toBe(lower);
  });

  it('ignores a constraint that eases along the step', () => {
    // ITL falls from 20 to 10: ≤ 30 holds throughout (its crossing would be at t = (30 − 20) / (10 − 20) = −1).
    const falling = { ...lower, itlMs: { avg: 20 } };
    const rising = { ...upper, itlMs: { avg: 10 } };
    expect(pick([falling, rising], [itl(30), ttft(200)]).between).toMatchObject({ fraction: 0.5, binding: ttft(200) });
  });

  it('keeps an estimate a hair above the lower level', () => {
    // TTFT 100 → 1e12 + 100 reaches 101 at t = 1e-12: 1 + 9e-12 req/s, still more than c1's 1.
    const far = { ...upper, ttftMs: { avg: 1e12 + 100 } };
    const op = pick([lower, far], [ttft(101)]);
    expect(op.interpolated).toBe(true);
    expect(op.capacity.value).toBeGreaterThan(1);
  });

  it('gives no estimate between two runs at the same load, nor past a constraint the upper level does not report', () => {
    const twin = { ...upper, load: { concurrency: 1, origin: 'file' as const } };
    expect(pick([lower, twin], [ttft(200)]).interpolated).toBe(false);
    const { itlMs: _itl, ...withoutItl } = upper;
    const noItl = { ...withoutItl, itlMs: {} };
    expect(pick([lower, noItl], [ttft(200), itl(30)]).point).toBe(lower);
  });

  it('gives no estimate when either level lacks the capacity', () => {
    const { requestsPerSecond: _rps, ...withoutRps } = upper;
    expect(pick([lower, withoutRps], [ttft(200)]).point).toBe(lower);
  });

  it('keeps the better of two estimates on a sweep that is not monotone', () => {
    // c1 → c2 crosses at 5.5 req/s (above); c3 (TTFT 150, 20 req/s) → c4 (TTFT 250, 30 req/s) crosses at t = 0.5: 25.
    const c3 = at(3, { ttftMs: { avg: 150 }, itlMs: { avg: 10 }, requestsPerSecond: 20 });
    const c4 = at(4, { ttftMs: { avg: 250 }, itlMs: { avg: 10 }, requestsPerSecond: 30 });
    const op = pick([lower, upper, c3, c4], [ttft(200)]);
    expect(op.between).toMatchObject({ lowerId: 'c3r', upperId: 'c4r', fraction: 0.5 });
    expect(op.capacity.value).toBe(25);
    // Reversed capacities: the earlier estimate (5.5) beats the later one (1.5 → 2 at t = 0.5).
    const low3 = { ...c3, requestsPerSecond: 1 };
    const low4 = { ...c4, requestsPerSecond: 2 };
    expect(pick([lower, upper, low3, low4], [ttft(200)]).capacity.value).toBe(5.5);
    // A later step with no estimate (c4 at c3's load) does not replace an earlier one.
    const same = { ...c4, load: { concurrency: 3, origin: 'file' as const } };
    expect(pick([lower, upper, low3, same], [ttft(200)]).between?.lowerId).toBe('c1r');
    // Two equal estimates: the first, at the lower load, stays.
    const twin3 = at(3, { ttftMs: { avg: 100 }, itlMs: { avg: 10 }, requestsPerSecond: 1 });
    const twin4 = at(4, { ttftMs: { avg: 300 }, itlMs: { avg: 10 }, requestsPerSecond: 10 });
    expect(pick([lower, upper, twin3, twin4], [ttft(200)]).between).toMatchObject({ lowerId: 'c1r', upperId: 'c2r' });
  });

  it('keeps a measured level equal to the estimate', () => {
    const c0 = point({ id: 'c0', concurrency: 0.5, ttftMs: { avg: 80 }, requestsPerSecond: 5.5 });
    expect(pick([c0, lower, upper], [ttft(200)]).point).toBe(c0);
  });

  it('keeps a measured level that beats the estimate', () => {
    // c0 at 50 req/s and TTFT 80 is feasible and higher than the 5.5 req/s estimate between c1 and c2.
    const c0 = point({ id: 'c0', concurrency: 0.5, ttftMs: { avg: 80 }, requestsPerSecond: 50 });
    const op = pick([c0, lower, upper], [ttft(200)]);
    expect(op.point).toBe(c0);
  });
});
