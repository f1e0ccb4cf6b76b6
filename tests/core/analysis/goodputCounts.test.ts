/**
 * Goodput counts through a sequence of drags (docs/method.md §Goodput rule): each count is worked out by hand from
 * the six requests below, so a filtered column reused after the other bounds moved, or one filtered by the
 * dragged bound itself, gives a wrong count. Bounds equal to a request's value count as met (≤ and ≥).
 */
import { describe, expect, it } from 'vitest';
import { goodputStatus } from '../../../src/core/analysis/feasibility.ts';
import { goodCount, pointGoodput, prepareSla } from '../../../src/core/analysis/goodput.ts';
import type { RawSamples } from '../../../src/core/model/requestSamples.ts';
import { buildRequestSamples } from '../../../src/core/model/requestSamples.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

/**
 *   request   TTFT ms   E2E ms   tokens/s per user
 *   0         100       400      50
 *   1         200       300      40
 *   2         300       600      30
 *   3         failed (50, 100, 99: never good)
 *   4         400       500      20
 *   5         150       800      45
 */
function sixRequests(): RawSamples {
  return {
    ok: [true, true, true, false, true, true],
    columns: {
      ttftMs: [100, 200, 300, 50, 400, 150],
      e2eMs: [400, 300, 600, 100, 500, 800],
      outputTokensPerSecondPerUser: [50, 40, 30, 99, 20, 45],
    },
  };
}

const ttft = (bound: number): SlaConstraint => ({ metric: 'ttft', stat: 'avg', bound });
const e2e = (bound: number): SlaConstraint => ({ metric: 'e2e', stat: 'p99', bound });
const tps = (bound: number): SlaConstraint => ({ metric: 'tpsPerUser', stat: 'avg', bound });

describe('goodput counts while dragging one bound after another', () => {
  it('two bounds (TTFT and E2E)', () => {
    const samples = buildRequestSamples(sixRequests());
    const count = (t: number, e: number) => goodCount(samples, prepareSla([ttft(t), e2e(e)]));
    expect(count(250, 500)).toBe(2); // TTFT ≤ 250: 0, 1, 5; E2E ≤ 500 of those: 0, 1
    expect(count(250, 800)).toBe(3); // 0, 1, 5 (800 ≤ 800)
    expect(count(350, 800)).toBe(4); // TTFT ≤ 350: 0, 1, 2, 5; E2E all ≤ 800
    expect(count(350, 450)).toBe(2); // 0 (400), 1 (300)
    expect(count(350, 800)).toBe(4); // E2E loosened again: 2 (600) and 5 (800) are back
    expect(count(250, 500)).toBe(2);
    expect(count(250, 500)).toBe(2); // the same SLA twice
    expect(count(150, 500)).toBe(1); // TTFT ≤ 150: 0, 5 (150 ≤ 150); E2E ≤ 500: 0
    expect(count(150, 800)).toBe(2);
  });

  it('a lower bound beside an upper one (tokens/s per user and TTFT)', () => {
    const samples = buildRequestSamples(sixRequests());
    const count = (t: number, s: number) => goodCount(samples, prepareSla([ttft(t), tps(s)]));
    expect(count(200, 45)).toBe(2); // TTFT ≤ 200: 0, 1, 5; tokens/s ≥ 45: 0 (50), 5 (45)
    expect(count(150, 45)).toBe(2); // TTFT ≤ 150: 0, 5
    expect(count(300, 45)).toBe(2); // TTFT ≤ 300 adds 1 and 2, both below 45 tokens/s
    expect(count(300, 30)).toBe(4); // 0, 1, 2 (30 ≥ 30), 5
    expect(count(100, 30)).toBe(1); // 0
  });

  it('three bounds', () => {
    const samples = buildRequestSamples(sixRequests());
    const count = (t: number, e: number, s: number) => goodCount(samples, prepareSla([ttft(t), e2e(e), tps(s)]));
    expect(count(300, 600, 30)).toBe(3); // 0, 1, 2 (each bound met exactly by request 2); 5 fails E2E
    expect(count(300, 600, 40)).toBe(2); // 0, 1
    expect(count(300, 350, 40)).toBe(1); // 1
    expect(count(100, 350, 40)).toBe(0);
    expect(count(1000, 1000, 0)).toBe(5); // every completed request
    expect(count(300, 600, 30)).toBe(3);
  });

  it('with no constraint, every completed request is good', () => {
    expect(goodCount(buildRequestSamples(sixRequests()), prepareSla([]))).toBe(5);
  });
});

describe('prepareSla', () => {
  it('keeps the tighter of two limits on one metric, in either order', () => {
    expect(prepareSla([ttft(300), ttft(200)]).bounds).toEqual([{ field: 'ttftMs', bound: 200, upper: true }]);
    expect(prepareSla([ttft(200), ttft(300)]).bounds).toEqual([{ field: 'ttftMs', bound: 200, upper: true }]);
    const lower = { field: 'outputTokensPerSecondPerUser', bound: 40, upper: false };
    expect(prepareSla([tps(40), tps(30)]).bounds).toEqual([lower]);
    expect(prepareSla([tps(30), tps(40)]).bounds).toEqual([lower]);
  });

  it('gives one SLA the same bounds and key whatever the order of its constraints', () => {
    const a = prepareSla([ttft(250), e2e(500), tps(30)]);
    const b = prepareSla([tps(30), e2e(500), ttft(250)]);
    expect(a.bounds.map((x) => x.field)).toEqual(['e2eMs', 'outputTokensPerSecondPerUser', 'ttftMs']);
    expect(b.bounds).toEqual(a.bounds);
    expect(b.key).toBe(a.key);
    expect(b.othersKey).toEqual(a.othersKey);
    expect(prepareSla([ttft(250), e2e(501)]).key).not.toBe(prepareSla([ttft(250), e2e(500)]).key);
  });
});

describe('pointGoodput when it cannot count, or counts nothing', () => {
  it('says a per-request file without requests holds none', () => {
    const empty = buildRequestSamples({ ok: [], columns: { ttftMs: [] } });
    expect(pointGoodput(point({ concurrency: 1, requests: empty }), prepareSla([ttft(100)]))).toEqual({
      known: false,
      reason: 'the per-request file holds no request',
    });
  });

  it('names only the constrained metrics the requests lack', () => {
    const samples = buildRequestSamples({ ok: [true], columns: { ttftMs: [100] } });
    const p = point({ concurrency: 1, requests: samples });
    const itl: SlaConstraint = { metric: 'itl', stat: 'avg', bound: 10 };
    expect(pointGoodput(p, prepareSla([ttft(200), e2e(500)]))).toEqual({
      known: false,
      reason: 'the per-request data has no E2E latency',
    });
    expect(pointGoodput(p, prepareSla([ttft(200), e2e(500), itl]))).toEqual({
      known: false,
      reason: 'the per-request data has no E2E latency, ITL',
    });
  });

  it('has no good requests/s without a throughput or without a completed request', () => {
    const samples = buildRequestSamples(sixRequests());
    // TTFT ≤ 250: 3 good of 6 requests (50 %), 5 completed.
    expect(pointGoodput(point({ concurrency: 4, requests: samples }), prepareSla([ttft(250)]))).toEqual({
      known: true,
      good: 3,
      total: 6,
      completed: 5,
      percent: 50,
      requestsPerSecond: undefined,
    });
    // With 10 req/s: 10 × 3 ÷ 5 = 6 good requests/s.
    const tenPerSecond = point({ concurrency: 4, requestsPerSecond: 10, requests: samples });
    const withRps = pointGoodput(tenPerSecond, prepareSla([ttft(250)]));
    expect(withRps.known && withRps.requestsPerSecond).toBe(6);
    // Every request failed (no SLA, so the count is known): 0 good, and 0 good requests/s (nothing completed, so
    // nothing good was served; not 3 × 0 ÷ 0).
    const failed = buildRequestSamples({ ok: [false, false], columns: { ttftMs: [100, 200] } });
    const failedPoint = point({ concurrency: 4, requestsPerSecond: 3, requests: failed });
    expect(pointGoodput(failedPoint, prepareSla([]))).toEqual({
      known: true,
      good: 0,
      total: 2,
      completed: 0,
      percent: 0,
      requestsPerSecond: 0,
    });
  });
});

describe('goodputStatus: the goodput rule on one level', () => {
  const sla = prepareSla([ttft(250)]);
  const withRequests = (raw: RawSamples) => point({ concurrency: 4, requests: buildRequestSamples(raw) });

  it('is feasible from the required share up, infeasible below', () => {
    // TTFT ≤ 250: 3 good of 6 requests = 50 %.
    const level = withRequests(sixRequests());
    expect(goodputStatus(level, sla, 50)).toBe('feasible');
    expect(goodputStatus(level, sla, 51)).toBe('infeasible');
  });

  it('is unknown without requests, or without the constrained metric', () => {
    expect(goodputStatus(point({ concurrency: 4 }), sla, 50)).toBe('unknown');
    // A per-request file without requests says nothing, even with no constraint to check.
    expect(goodputStatus(withRequests({ ok: [], columns: { ttftMs: [] } }), sla, 0)).toBe('unknown');
    expect(goodputStatus(withRequests({ ok: [], columns: { ttftMs: [] } }), prepareSla([]), 0)).toBe('unknown');
    expect(goodputStatus(withRequests({ ok: [true], columns: { e2eMs: [100] } }), sla, 0)).toBe('unknown');
  });
});
