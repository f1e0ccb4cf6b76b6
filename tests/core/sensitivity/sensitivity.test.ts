/**
 * Cost as a function of one SLA bound (docs/method.md "Sensitivity"), on a hand-made three-level sweep.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import {
  LOG_SWEEP_SPAN,
  isLogSweep,
  sensitivity,
  sensitivityBounds,
  sensitivityCosts,
  sensitivitySweep,
} from '../../../src/core/sensitivity/sensitivity.ts';
import { point } from '../helpers.ts';

// TTFT avg 100 / 200 / 400 ms at 10 / 18 / 30 requests/s.
const sweep = [
  point({
    concurrency: 1,
    ttftMs: { avg: 100 },
    requestsPerSecond: 10,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
  }),
  point({
    concurrency: 2,
    ttftMs: { avg: 200 },
    requestsPerSecond: 18,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
  }),
  point({
    concurrency: 4,
    ttftMs: { avg: 400 },
    requestsPerSecond: 30,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
  }),
];

const ttftAvg = { metric: 'ttft', stat: 'avg', bound: 250 } as const;
const at = (ttft: number | undefined, concurrency: number) =>
  point({ concurrency, ...(ttft === undefined ? {} : { ttftMs: { avg: ttft } }) });

describe('sensitivityBounds', () => {
  it('spaces the bounds evenly over the measured range (linear within a decade)', () => {
    expect(sensitivityBounds(sweep, ttftAvg, 3)).toEqual([100, 250, 400]);
  });

  it('spaces them on a log scale when the range spans more than a decade', () => {
    // 10 → 1000: exp(ln 10 + t × (ln 1000 − ln 10)) at t = 0, ½, 1 = 10, 100, 1000
    const bounds = sensitivityBounds([at(10, 1), at(1000, 2)], ttftAvg, 3);
    expect(bounds[0]).toBeCloseTo(10, 9);
    expect(bounds[1]).toBeCloseTo(100, 9);
    expect(bounds[2]).toBeCloseTo(1000, 9);
    // Exactly one decade (10 → 100) stays linear: 10, 55, 100.
    expect(sensitivityBounds([at(10, 1), at(100, 2)], ttftAvg, 3)).toEqual([10, 55, 100]);
  });

  it('leaves out points without the statistic and values that are not positive', () => {
    expect(sensitivityBounds([at(undefined, 1), at(0, 2), at(-5, 3), ...sweep], ttftAvg, 3)).toEqual([100, 250, 400]);
    expect(sensitivityBounds([at(undefined, 1)], ttftAvg, 3)).toEqual([]);
  });

  it('gives one bound for one step or a single value, none for no step', () => {
    expect(sensitivityBounds(sweep, ttftAvg, 1)).toEqual([100]);
    expect(sensitivityBounds([at(120, 1), at(120, 2)], ttftAvg, 5)).toEqual([120]);
    expect(sensitivityBounds(sweep, ttftAvg, 0)).toEqual([]);
  });
});

describe('sensitivity', () => {
  const scenario = defaultScenario(); // TTFT avg ≤ 250 ms, 200 req/s peak, 8-GPU servers at $119,000 a year

  it('sweeps nothing for a constraint that does not exist', () => {
    expect(sensitivity(resolveSeries(sweep, scenario), scenario, 5, 3)).toEqual({
      constraintIndex: 5,
      bounds: [],
      curves: [],
    });
  });

  it('recomputes the operating point, servers and cost at every bound it sweeps', () => {
    const series = resolveSeries(sweep, scenario);
    const result = sensitivity(series, scenario, 0, 3);
    expect(result.constraintIndex).toBe(0);
    expect(result.bounds).toEqual([100, 250, 400]);
    const curve = result.curves[0]!;
    // Bound 100 → c1 (10 req/s): 20 instances, 3 servers; 250 → c2 (18): 12 instances, 2 servers; 400 → c4 (30): 7, 1.
    expect(curve.capacityPerInstance).toEqual([10, 18, 30]);
    expect(curve.servers).toEqual([3, 2, 1]);
    expect(curve.fleetYearUsd).toEqual([357_000, 238_000, 119_000]);
    // Per 1M tokens = fleet / (instances × req/s × 31,536,000 s) × 1000 (per 1K) × 1000 / 1,200 tokens.
    const per1M = (fleet: number, instances: number, rps: number) =>
      ((fleet / (instances * rps * 31_536_000)) * 1000 * 1000) / 1200;
    expect(curve.costPer1MTokensUsd[0]).toBeCloseTo(per1M(357_000, 20, 10), 15);
    expect(curve.costPer1MTokensUsd[1]).toBeCloseTo(per1M(238_000, 12, 18), 15);
    expect(curve.costPer1MTokensUsd[2]).toBeCloseTo(per1M(119_000, 7, 30), 15);
  });

  it('leaves a gap where the swept bound is below every measured level', () => {
    const strict = {
      ...scenario,
      sla: [
        { metric: 'ttft' as const, stat: 'avg' as const, bound: 50 },
        { metric: 'ttft' as const, stat: 'avg' as const, bound: 150 },
      ],
    };
    // Sweeping the second constraint: the first (≤ 50 ms) already excludes every level.
    const curve = sensitivity(resolveSeries(sweep, scenario), strict, 1, 3).curves[0];
    expect(curve?.servers).toEqual([null, null, null]);
    expect(curve?.capacityPerInstance).toEqual([null, null, null]);
    expect(curve?.costPer1MTokensUsd).toEqual([null, null, null]);
    expect(curve?.fleetYearUsd).toEqual([null, null, null]);
  });
});

describe('isLogSweep', () => {
  it('spaces a sweep on a log scale when it spans more than a decade, not at exactly one', () => {
    expect(LOG_SWEEP_SPAN).toBe(10);
    expect(isLogSweep(10, 100)).toBe(false);
    expect(isLogSweep(10, 100.1)).toBe(true);
    expect(isLogSweep(0.5, 5.01)).toBe(true);
  });
});

describe('the sweep in two halves: operating points, then costs', () => {
  const scenario = defaultScenario();
  const series = resolveSeries(sweep, scenario);

  it('picks the operating point at each bound from the points and the SLA alone', () => {
    const swept = sensitivitySweep(series, scenario, 0, 3);
    expect(swept.bounds).toEqual([100, 250, 400]);
    const loads = swept.picks[0]!.atBound.map((p) => (p.meetsSla ? p.operatingPoint.point.load.concurrency : null));
    expect(loads).toEqual([1, 2, 4]);
    expect(sensitivitySweep(series, scenario, 3, 3)).toEqual({ constraintIndex: 3, bounds: [], picks: [] });
  });

  it('prices the same operating points with other prices without sweeping again', () => {
    const swept = sensitivitySweep(series, scenario, 0, 3);
    // Server at $640,000 over 4 years: 160,000 + 36,000 licence + 3,000 hosting = $199,000 per server-year.
    const dearer = { ...scenario, hardware: [{ ...scenario.hardware[0]!, serverPriceUsd: 640_000 }] };
    const curve = sensitivityCosts(swept, series, dearer).curves[0]!;
    expect(curve.servers).toEqual([3, 2, 1]);
    expect(curve.fleetYearUsd).toEqual([597_000, 398_000, 199_000]);
    expect(sensitivityCosts(swept, series, scenario)).toEqual(sensitivity(series, scenario, 0, 3));
  });
});
