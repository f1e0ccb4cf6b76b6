import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goodCount, pointGoodput, prepareSla } from '../../../src/core/analysis/goodput.ts';
import { slaMetricValue } from '../../../src/core/analysis/metrics.ts';
import { pickOperatingPoint } from '../../../src/core/analysis/operatingPoint.ts';
import { isStat } from '../../../src/core/model/benchmark.ts';
import type { RawSamples, SampleField } from '../../../src/core/model/requestSamples.ts';
import { buildRequestSamples, columnStat, percentileOfSorted } from '../../../src/core/model/requestSamples.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

describe('percentileOfSorted: numpy.percentile, method linear', () => {
  // Figures printed by numpy 2.4 (np.percentile(x, p)).
  it.each([
    ['1, 2, 3, 4', [1, 2, 3, 4], 90, 3.7],
    ['0.1, 0.2, 0.7', [0.1, 0.2, 0.7], 33.3, 0.1666],
    ['1/7 … 1000/7', Array.from({ length: 1000 }, (_, i) => (i + 1) / 7), 99.9, 142.71442857142858],
    ['5', [5], 50, 5],
  ])('%s at p%d is %d', (_label, values, p, expected) => {
    expect(percentileOfSorted(values, p)).toBe(expected);
  });

  it('has no value for no data', () => {
    expect(percentileOfSorted([], 50)).toBeUndefined();
  });
});

describe('Stat: any percentile p<N>, 0 < N < 100, one name each', () => {
  it.each(['p99.9', 'p97.5', 'p0.1', 'p50', 'p99.99', 'avg'])('%s is a statistic', (s) => expect(isStat(s)).toBe(true));
  it.each(['p100', 'p0', 'p99.90', 'p05', 'p-1', 'p1e1', 'median', 'p'])('%s is not', (s) =>
    expect(isStat(s)).toBe(false),
  );
});

/** Five requests; the fourth failed. TTFT 100, 200, 300, (failed), 500 ms; tokens/s per user 50, 40, 30, –, 10. */
function fiveRequests(): RawSamples {
  return {
    ok: [true, true, true, false, true],
    columns: {
      ttftMs: [100, 200, 300, 50, 500],
      itlMs: [10, 30, 20, NaN, 40],
      outputTokensPerSecondPerUser: [50, 40, 30, 99, 10],
    },
  };
}

describe('per-request statistics of a point', () => {
  it('any percentile comes from the requests that completed; the summary value wins where there is one', () => {
    const samples = buildRequestSamples(fiveRequests());
    const p = point({ concurrency: 4, ttftMs: { avg: 999 }, requests: samples });
    expect(slaMetricValue(p, 'ttft', 'avg')).toBe(999); // as the file printed it
    expect(slaMetricValue(p, 'ttft', 'p50')).toBe(250); // 100, 200, 300, 500: the failed request's 50 is no data
    expect(slaMetricValue(p, 'ttft', 'p97.5')).toBe(484.99999999999994); // numpy prints the same
    expect(slaMetricValue(p, 'ttft', 'max')).toBe(500);
    expect(slaMetricValue(p, 'e2e', 'p50')).toBeUndefined();
  });

  it('a field defined otherwise than the summary statistics is not completed from the requests', () => {
    const samples = { ...buildRequestSamples(fiveRequests()), differsFromSummary: ['itlMs'] as SampleField[] };
    const p = point({ concurrency: 4, itlMs: { avg: 25 }, requests: samples });
    expect(slaMetricValue(p, 'itl', 'p99')).toBeUndefined();
    expect(columnStat(samples.columns.itlMs!, 'p50')).toBe(25);
  });
});

describe('goodput against the SLA', () => {
  const samples = buildRequestSamples(fiveRequests());
  const withRps = point({ concurrency: 4, requestsPerSecond: 8, requests: samples });

  it('counts completed requests whose own values meet every bound; failed ones are never good', () => {
    // TTFT ≤ 300: requests 1–3 (the failed one's 50 ms does not count); of those ITL ≤ 25: 10 and 20.
    const g = pointGoodput(
      withRps,
      prepareSla([
        { metric: 'ttft', stat: 'avg', bound: 300 },
        { metric: 'itl', stat: 'p99', bound: 25 },
      ]),
    );
    expect(g).toEqual({ known: true, good: 2, total: 5, completed: 4, percent: 40, requestsPerSecond: 4 });
  });

  it('a lower bound (tokens/s per user) counts values at or above it; two limits on a metric: the tighter', () => {
    const sla: SlaConstraint[] = [
      { metric: 'tpsPerUser', stat: 'avg', bound: 30 },
      { metric: 'tpsPerUser', stat: 'p99', bound: 40 },
    ];
    expect(goodCount(samples, prepareSla(sla))).toBe(2);
  });

  it('is unknown without per-request data, or without the constrained metric', () => {
    expect(pointGoodput(point({ concurrency: 1 }), prepareSla([])).known).toBe(false);
    const noE2e = pointGoodput(withRps, prepareSla([{ metric: 'e2e', stat: 'avg', bound: 1 }]));
    expect(noE2e).toEqual({ known: false, reason: 'the per-request data has no E2E latency' });
  });

  // A generous timeout: the property's runs can exceed vitest's 5 s while the whole suite loads both cores.
  it(
    'matches a plain count for any bounds, in any order of recounts (cached filtered columns included)',
    { timeout: 30_000 },
    () => {
      const field = fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(NaN)), {
        minLength: 30,
        maxLength: 30,
      });
      const bound = fc.double({ min: 0, max: 100, noNaN: true });
      fc.assert(
        fc.property(
          fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
          field,
          field,
          field,
          fc.array(fc.tuple(bound, bound, bound), { minLength: 1, maxLength: 8 }),
          (ok, a, b, c, steps) => {
            const s = buildRequestSamples({ ok, columns: { ttftMs: a, e2eMs: b, outputTokensPerSecondPerUser: c } });
            for (const [x, y, z] of steps) {
              const sla: SlaConstraint[] = [
                { metric: 'ttft', stat: 'avg', bound: x },
                { metric: 'e2e', stat: 'avg', bound: y },
                { metric: 'tpsPerUser', stat: 'avg', bound: z },
              ];
              // Nothing completed: 0 good. A metric with no value for any completed request: not measured, unknown.
              const measured = [a, b, c].every((col) => ok.some((good, i) => good && !Number.isNaN(col[i] ?? NaN)));
              const expected = (count: number) => (!ok.includes(true) ? 0 : measured ? count : undefined);
              const plain = ok.filter(
                (good, i) => good && (a[i] ?? NaN) <= x && (b[i] ?? NaN) <= y && (c[i] ?? NaN) >= z,
              ).length;
              expect(goodCount(s, prepareSla(sla))).toBe(expected(plain));
              // Drag one bound: the filtered column of that metric is built once and searched.
              expect(goodCount(s, prepareSla(sla.map((k, i) => (i === 1 ? { ...k, bound: y / 2 } : k))))).toBe(
                expected(
                  ok.filter((good, i) => good && (a[i] ?? NaN) <= x && (b[i] ?? NaN) <= y / 2 && (c[i] ?? NaN) >= z)
                    .length,
                ),
              );
            }
          },
        ),
      );
    },
  );
});

describe('goodput rule (docs/method.md §Goodput rule)', () => {
  // Two load levels: at c=1 every request is fast; at c=8 two of five are slow.
  const fast = buildRequestSamples({ ok: [true, true, true, true], columns: { ttftMs: [100, 110, 120, 130] } });
  const mixed = buildRequestSamples({
    ok: [true, true, true, true, true],
    columns: { ttftMs: [150, 160, 170, 900, 950] },
  });
  const sweep = [
    point({ concurrency: 1, requestsPerSecond: 2, ttftMs: { avg: 115 }, requests: fast }),
    point({ concurrency: 8, requestsPerSecond: 9, ttftMs: { avg: 466 }, requests: mixed }),
  ];
  const sla: SlaConstraint[] = [{ metric: 'ttft', stat: 'avg', bound: 500 }];

  it('a level qualifies when enough of its requests are good, whatever its statistics say', () => {
    const statistic = pickOperatingPoint(sweep, sla, 'requestsPerSecond');
    expect(statistic.meetsSla && statistic.operatingPoint.point.load.concurrency).toBe(8); // avg 466 ≤ 500
    const goodput = pickOperatingPoint(sweep, sla, 'requestsPerSecond', {
      interpolate: true,
      rule: { kind: 'goodput', minPercent: 95 },
    });
    expect(goodput.meetsSla && goodput.operatingPoint.point.load.concurrency).toBe(1); // c=8: 60 % good
    const loose = pickOperatingPoint(sweep, sla, 'requestsPerSecond', {
      interpolate: false,
      rule: { kind: 'goodput', minPercent: 60 },
    });
    expect(loose.meetsSla && loose.operatingPoint.point.load.concurrency).toBe(8);
  });

  it('says the best share when no level has enough, and never treats a level without requests as feasible', () => {
    const none = pickOperatingPoint(sweep, [{ metric: 'ttft', stat: 'avg', bound: 105 }], 'requestsPerSecond', {
      interpolate: false,
      rule: { kind: 'goodput', minPercent: 90 },
    });
    expect(none).toEqual({
      meetsSla: false,
      notInFiles: false,
      reason: 'no load level has 90% good requests (best 25% at concurrency 1)',
    });
    const summaries = sweep.map(({ requests: _r, ...p }) => p);
    const unknown = pickOperatingPoint(summaries, sla, 'requestsPerSecond', {
      interpolate: false,
      rule: { kind: 'goodput', minPercent: 50 },
    });
    expect(unknown).toEqual({
      meetsSla: false,
      notInFiles: true,
      reason: 'the goodput rule needs per-request data: no per-request data (load the per-request file of this run)',
    });
  });
});

describe('a level where every request failed', () => {
  it('has 0 good requests (known), even though no column holds a value', () => {
    // Three requests, all failed: their TTFT values are not data, so the TTFT column is dropped.
    const s = buildRequestSamples({ ok: [false, false, false], columns: { ttftMs: [10, 20, 30] } });
    expect(s.columns.ttftMs).toBeUndefined();
    expect(goodCount(s, prepareSla([{ metric: 'ttft', stat: 'avg', bound: 100 }]))).toBe(0);
    const failed = point({ concurrency: 4, requestsPerSecond: 2, requests: s });
    expect(pointGoodput(failed, prepareSla([{ metric: 'ttft', stat: 'avg', bound: 100 }]))).toEqual({
      known: true,
      good: 0,
      total: 3,
      completed: 0,
      percent: 0,
      requestsPerSecond: 0,
    });
  });
});
