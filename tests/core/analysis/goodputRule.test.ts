/**
 * The goodput rule in pickOperatingPoint (docs/method.md §Goodput rule): a level qualifies when enough of its
 * requests meet the SLA; no interpolation between levels under this rule; and the reasons given when no level
 * qualifies. Shares are counted by hand from the request lists below (SLA: TTFT ≤ 250 ms).
 */
import { describe, expect, it } from 'vitest';
import { pickOperatingPoint } from '../../../src/core/analysis/operatingPoint.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import { buildRequestSamples } from '../../../src/core/model/requestSamples.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

const sla: SlaConstraint[] = [{ metric: 'ttft', stat: 'avg', bound: 250 }];
const NO_REQUESTS = 'no per-request data (load the per-request file of this run)';

function level(concurrency: number, ttfts: number[] | undefined, extra: Partial<LoadPoint> = {}): LoadPoint {
  const samples = ttfts && buildRequestSamples({ ok: ttfts.map(() => true), columns: { ttftMs: ttfts } });
  const requests = samples === undefined ? {} : { requests: samples };
  return point({ concurrency, requestsPerSecond: concurrency, ...requests, ...extra });
}

const goodput = (minPercent: number, interpolate = false) => ({
  interpolate,
  rule: { kind: 'goodput' as const, minPercent },
});

describe('goodput rule: no level has enough good requests', () => {
  // c1: 1 of 5 good (20 %); c2 and c4: 2 of 5 (40 %).
  const c1 = level(1, [100, 300, 300, 300, 300]);
  const c2 = level(2, [100, 200, 300, 300, 300]);
  const c4 = level(4, [100, 200, 300, 300, 300]);

  it('names the best share, the first level that reached it', () => {
    expect(pickOperatingPoint([c1, c2, c4], sla, 'requestsPerSecond', goodput(90))).toEqual({
      meetsSla: false,
      notInFiles: false,
      reason: 'no load level has 90% good requests (best 40% at concurrency 2)',
    });
  });

  it('adds the levels that cannot be checked', () => {
    const c8 = level(8, undefined);
    expect(pickOperatingPoint([c1, c2, c8], sla, 'requestsPerSecond', goodput(90))).toMatchObject({
      reason:
        'no load level has 90% good requests (best 40% at concurrency 2); ' +
        `some levels cannot be checked: ${NO_REQUESTS}`,
    });
  });

  it('lists each kind of unchecked level once', () => {
    const noTtft = point({ concurrency: 16, requests: buildRequestSamples({ ok: [true], columns: { e2eMs: [100] } }) });
    const levels = [c1, c2, level(8, undefined), noTtft, level(32, undefined)];
    expect(pickOperatingPoint(levels, sla, 'requestsPerSecond', goodput(90))).toMatchObject({
      reason:
        'no load level has 90% good requests (best 40% at concurrency 2); ' +
        `some levels cannot be checked: ${NO_REQUESTS}; the per-request data has no TTFT`,
    });
  });

  it('lists every missing kind of per-request data when no level can be checked', () => {
    const noTtft = point({ concurrency: 2, requests: buildRequestSamples({ ok: [true], columns: { e2eMs: [100] } }) });
    expect(pickOperatingPoint([level(1, undefined), noTtft], sla, 'requestsPerSecond', goodput(90))).toEqual({
      meetsSla: false,
      notInFiles: true,
      reason: `the goodput rule needs per-request data: ${NO_REQUESTS}; the per-request data has no TTFT`,
    });
  });

  it('says when there are no levels at all', () => {
    expect(pickOperatingPoint([], sla, 'requestsPerSecond', goodput(90))).toEqual({
      meetsSla: false,
      notInFiles: false,
      reason: 'no measured points',
    });
  });

  it('says when the levels with enough good requests lack the capacity', () => {
    // c1 is 100 % good but reports no requests/s; c2 (20 % good) is not enough.
    const { requestsPerSecond: _rps, ...fast } = level(1, [100, 100]);
    const slow = level(2, [100, 300, 300, 300, 300]);
    expect(pickOperatingPoint([fast, slow], sla, 'requestsPerSecond', goodput(50))).toEqual({
      meetsSla: false,
      notInFiles: false,
      reason: 'the load levels with 50% good requests do not report the capacity in requestsPerSecond',
    });
  });
});

describe('goodput rule with interpolation asked for', () => {
  it('keeps the measured level: the rule counts requests, there is no statistic to interpolate on', () => {
    // c1: 4 of 4 good, TTFT avg 115; c8: 2 of 5 good (40 %), TTFT avg 632 > 250. On the statistic, TTFT avg
    // would cross 250 ms between them; under the goodput rule the operating point stays c1 (1 req/s).
    const c1 = level(1, [100, 110, 120, 130], { ttftMs: { avg: 115 } });
    const c8 = level(8, [150, 160, 900, 950, 1000], { ttftMs: { avg: 632 } });
    const pick = pickOperatingPoint([c1, c8], sla, 'requestsPerSecond', goodput(95, true));
    expect(pick.meetsSla && pick.operatingPoint.interpolated).toBe(false);
    expect(pick.meetsSla && pick.operatingPoint.capacity.value).toBe(1);
    // The statistic rule with interpolation does estimate between them.
    const statistic = pickOperatingPoint([c1, c8], sla, 'requestsPerSecond', { interpolate: true });
    expect(statistic.meetsSla && statistic.operatingPoint.interpolated).toBe(true);
  });
});
