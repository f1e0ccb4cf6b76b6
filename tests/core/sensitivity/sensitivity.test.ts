/**
 * Cost as a function of one SLA bound (docs/method.md "Sensitivity"), on a hand-made three-level sweep.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { sensitivity, sensitivityBounds } from '../../../src/core/sensitivity/sensitivity.ts';
import { point } from '../helpers.ts';

// TTFT avg 100 / 200 / 400 ms at 10 / 18 / 30 requests/s.
const sweep = [
  point({ concurrency: 1, ttftMs: { avg: 100 }, requestsPerSecond: 10, inputTokens: { avg: 1000 }, outputTokens: { avg: 200 } }),
  point({ concurrency: 2, ttftMs: { avg: 200 }, requestsPerSecond: 18, inputTokens: { avg: 1000 }, outputTokens: { avg: 200 } }),
  point({ concurrency: 4, ttftMs: { avg: 400 }, requestsPerSecond: 30, inputTokens: { avg: 1000 }, outputTokens: { avg: 200 } }),
];

describe('sensitivity', () => {
  const scenario = defaultScenario(); // TTFT avg ≤ 250 ms, 200 req/s peak, 8-GPU servers at $119,000 a year
  const series = resolveSeries(sweep, scenario);

  it('spaces the bounds evenly over the measured range (linear within a decade)', () => {
    expect(sensitivityBounds(sweep, scenario.sla[0]!, 3)).toEqual([100, 250, 400]);
  });

  it('recomputes the operating point, servers and cost at every bound it sweeps', () => {
    const result = sensitivity(series, scenario, 0, 3);
    const curve = result.curves[0]!;
    // Bound 100 → c1 (10 req/s): 20 instances, 3 servers; 250 → c2 (18): 12 instances, 2 servers; 400 → c4 (30): 7, 1.
    expect(curve.capacityPerInstance).toEqual([10, 18, 30]);
    expect(curve.servers).toEqual([3, 2, 1]);
    expect(curve.fleetYearUsd).toEqual([357_000, 238_000, 119_000]);
    // Per 1M tokens = fleet / (instances × req/s × 31,536,000 s) × 1000 (per 1K) × 1000 / 1,200 tokens.
    const per1M = (fleet: number, instances: number, rps: number) => (((fleet / (instances * rps * 31_536_000)) * 1000) * 1000) / 1200;
    expect(curve.costPer1MTokensUsd[0]).toBeCloseTo(per1M(357_000, 20, 10), 15);
    expect(curve.costPer1MTokensUsd[1]).toBeCloseTo(per1M(238_000, 12, 18), 15);
    expect(curve.costPer1MTokensUsd[2]).toBeCloseTo(per1M(119_000, 7, 30), 15);
  });

  it('leaves a gap where the swept bound is below every measured level', () => {
    const strict = { ...scenario, sla: [{ metric: 'ttft' as const, stat: 'avg' as const, bound: 50 }, { metric: 'ttft' as const, stat: 'avg' as const, bound: 150 }] };
    // Sweeping the second constraint: the first (≤ 50 ms) already excludes every level.
    expect(sensitivity(series, strict, 1, 3).curves[0]?.servers).toEqual([null, null, null]);
  });
});
