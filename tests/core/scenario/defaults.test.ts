/** Defaults the page offers, decided in the core: the next constraint and its bound. */
import { describe, expect, it } from 'vitest';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { NEW_CONSTRAINT_BOUNDS, nextConstraint } from '../../../src/core/scenario/defaults.ts';

describe('nextConstraint', () => {
  it('offers TTFT avg ≤ 500 ms first', () => {
    expect(nextConstraint([])).toEqual({ metric: 'ttft', stat: 'avg', bound: 500 });
  });

  it('offers the next metric on avg, with that metric’s bound', () => {
    expect(nextConstraint([{ metric: 'ttft', stat: 'avg', bound: 250 }])).toEqual({
      metric: 'itl',
      stat: 'avg',
      bound: 50,
    });
    const three: SlaConstraint[] = [
      { metric: 'ttft', stat: 'avg', bound: 1 },
      { metric: 'itl', stat: 'avg', bound: 1 },
      { metric: 'tpot', stat: 'avg', bound: 1 },
    ];
    expect(nextConstraint(three)).toEqual({ metric: 'e2e', stat: 'avg', bound: 10_000 });
    expect(nextConstraint([...three, { metric: 'e2e', stat: 'avg', bound: 1 }])).toEqual({
      metric: 'tpsPerUser',
      stat: 'avg',
      bound: 20,
    });
  });

  it('goes on to p99, p90 and p50 once every metric has avg, and offers nothing once all twenty are in', () => {
    const metrics = ['ttft', 'itl', 'tpot', 'e2e', 'tpsPerUser'] as const;
    const all = (stats: readonly SlaConstraint['stat'][]) =>
      stats.flatMap((stat) => metrics.map((metric) => ({ metric, stat, bound: 1 })));
    expect(nextConstraint(all(['avg']))).toEqual({ metric: 'ttft', stat: 'p99', bound: 500 });
    expect(nextConstraint(all(['avg', 'p99']))).toEqual({ metric: 'ttft', stat: 'p90', bound: 500 });
    expect(nextConstraint(all(['avg', 'p99', 'p90']).slice(1))).toEqual({ metric: 'ttft', stat: 'avg', bound: 500 });
    expect(nextConstraint(all(['avg', 'p99', 'p90', 'p50']))).toBeUndefined();
  });

  it('starts each metric at its own bound', () => {
    expect(NEW_CONSTRAINT_BOUNDS).toEqual({ ttft: 500, itl: 50, tpot: 50, e2e: 10_000, tpsPerUser: 20 });
  });
});
