import { describe, expect, it } from 'vitest';
import { checkPoint } from '../../../src/core/analysis/feasibility.ts';
import { pickOperatingPoint } from '../../../src/core/analysis/operatingPoint.ts';
import { paretoFront } from '../../../src/core/analysis/pareto.ts';
import { MAX_LABELS_PER_SERIES, projectSeries } from '../../../src/core/analysis/projection.ts';
import { gpusPerInstanceFromName } from '../../../src/core/analysis/series.ts';
import type { SlaConstraint } from '../../../src/core/model/scenario.ts';
import { EXAMPLE_HARDWARE } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

// A small sweep: throughput saturates while TTFT climbs past the knee.
const sweep = [
  point({
    concurrency: 1,
    ttftMs: { avg: 25, p99: 30 },
    itlMs: { avg: 10 },
    requestsPerSecond: 1.5,
    outputTokensPerSecond: 86,
  }),
  point({
    concurrency: 10,
    ttftMs: { avg: 145, p99: 162 },
    itlMs: { avg: 12.8 },
    requestsPerSecond: 11.4,
    outputTokensPerSecond: 668,
  }),
  point({
    concurrency: 50,
    ttftMs: { avg: 627, p99: 837 },
    itlMs: { avg: 25 },
    requestsPerSecond: 26.1,
    outputTokensPerSecond: 1525,
  }),
  point({
    concurrency: 100,
    ttftMs: { avg: 1020, p99: 1564 },
    itlMs: { avg: 40 },
    requestsPerSecond: 30.9,
    outputTokensPerSecond: 1806,
  }),
];
const ttftAvg = (bound: number): SlaConstraint => ({ metric: 'ttft', stat: 'avg', bound });

describe('checkPoint (docs/method.md §Feasibility)', () => {
  it('passes at the bound, fails above it, and is unknown when the stat is missing', () => {
    const p = sweep[1]!;
    expect(checkPoint(p, [ttftAvg(145)]).status).toBe('feasible'); // 145 ≤ 145
    expect(checkPoint(p, [ttftAvg(144.9)]).status).toBe('infeasible');
    expect(checkPoint(p, [{ metric: 'ttft', stat: 'p95', bound: 1000 }]).status).toBe('unknown');
  });

  it('is infeasible as soon as one constraint fails, even if another is unknown', () => {
    const f = checkPoint(sweep[1]!, [{ metric: 'e2e', stat: 'avg', bound: 10 }, ttftAvg(100)]);
    expect(f.status).toBe('infeasible');
    expect(f.checks.map((c) => c.status)).toEqual(['unknown', 'fail']);
  });

  it('treats tokens/s per user as a lower bound', () => {
    const p = point({ concurrency: 1, outputTokensPerSecondPerUser: { avg: 66.8 } });
    expect(checkPoint(p, [{ metric: 'tpsPerUser', stat: 'avg', bound: 50 }]).status).toBe('feasible');
    expect(checkPoint(p, [{ metric: 'tpsPerUser', stat: 'avg', bound: 70 }]).status).toBe('infeasible');
  });
});

describe('pickOperatingPoint (docs/method.md §Operating point)', () => {
  it("picks the highest throughput under NVIDIA's 250 ms average TTFT example", () => {
    const r = pickOperatingPoint(sweep, [ttftAvg(250)], 'requestsPerSecond');
    expect(r.meetsSla).toBe(true);
    if (!r.meetsSla) return;
    expect(r.operatingPoint.point.load.concurrency).toBe(10);
    expect(r.operatingPoint.capacity).toEqual({ value: 11.4, derived: false });
    expect(r.operatingPoint.interpolated).toBe(false);
  });

  it('needs every constraint: adding ITL avg ≤ 12 ms leaves only concurrency 1', () => {
    const r = pickOperatingPoint(
      sweep,
      [ttftAvg(1000), { metric: 'itl', stat: 'avg', bound: 12 }],
      'requestsPerSecond',
    );
    expect(r.meetsSla && r.operatingPoint.point.load.concurrency).toBe(1);
  });

  it('uses the capacity in the demand unit: concurrency for concurrent-request demand', () => {
    const r = pickOperatingPoint(sweep, [ttftAvg(700)], 'concurrentRequests');
    expect(r.meetsSla && r.operatingPoint.capacity).toEqual({ value: 50, derived: false });
  });

  it("derives concurrency for a request-rate run by Little's law (rps × mean E2E)", () => {
    const rate = [point({ requestRate: 4, ttftMs: { avg: 100 }, e2eMs: { avg: 2500 }, requestsPerSecond: 3.9 })];
    const r = pickOperatingPoint(rate, [ttftAvg(200)], 'concurrentRequests');
    // 3.9 req/s × 2.5 s = 9.75 requests in flight
    expect(r.meetsSla && r.operatingPoint.capacity.value).toBeCloseTo(9.75, 12);
    expect(r.meetsSla && r.operatingPoint.capacity.derived).toBe(true);
  });

  it('breaks ties in throughput toward the lower load', () => {
    const flat = [
      point({ concurrency: 64, ttftMs: { avg: 90 }, requestsPerSecond: 20 }),
      point({ concurrency: 32, ttftMs: { avg: 50 }, requestsPerSecond: 20 }),
    ];
    const r = pickOperatingPoint(flat, [ttftAvg(100)], 'requestsPerSecond');
    expect(r.meetsSla && r.operatingPoint.point.load.concurrency).toBe(32);
  });

  it('explains why a series cannot meet the SLA', () => {
    const r = pickOperatingPoint(sweep, [ttftAvg(20)], 'requestsPerSecond');
    expect(r.meetsSla).toBe(false);
    if (r.meetsSla) return;
    expect(r.reason).toBe('even at the lowest load (concurrency 1) TTFT avg ≤ 20 ms but measured 25.0');
  });

  it('never treats a missing stat as feasible, and says which data is missing', () => {
    const r = pickOperatingPoint(sweep, [{ metric: 'ttft', stat: 'p95', bound: 10_000 }], 'requestsPerSecond');
    expect(r.meetsSla).toBe(false);
    if (r.meetsSla) return;
    expect(r.reason).toBe('TTFT p95 is not in the files (they report avg, p99)');
    // Not in the files is not the same as failing the SLA.
    expect(r.notInFiles).toBe(false === r.meetsSla);
    const failing = pickOperatingPoint(sweep, [ttftAvg(20)], 'requestsPerSecond');
    expect(!failing.meetsSla && failing.notInFiles).toBe(false);
  });

  it('interpolates between the last feasible and the next infeasible level when asked', () => {
    // TTFT avg goes 145 → 627 between c=10 and c=50; bound 386 is reached at t = (386 − 145) / (627 − 145) = 0.5
    // rps there = 11.4 + 0.5 × (26.1 − 11.4) = 18.75; concurrency = 10 + 0.5 × 40 = 30
    const r = pickOperatingPoint(sweep, [ttftAvg(386)], 'requestsPerSecond', { interpolate: true });
    expect(r.meetsSla).toBe(true);
    if (!r.meetsSla) return;
    const op = r.operatingPoint;
    expect(op.interpolated).toBe(true);
    expect(op.between?.fraction).toBeCloseTo(0.5, 12);
    expect(op.capacity.value).toBeCloseTo(18.75, 12);
    expect(op.point.load.concurrency).toBeCloseTo(30, 12);
    expect(op.point.ttftMs.avg).toBeCloseTo(386, 9);
    expect(op.point.notes[0]).toMatch(
      /^Estimate: interpolated 50\.0% of the way from concurrency 10 to concurrency 50/,
    );
    // Without interpolation the measured point stays.
    const measured = pickOperatingPoint(sweep, [ttftAvg(386)], 'requestsPerSecond');
    expect(measured.meetsSla && measured.operatingPoint.point.load.concurrency).toBe(10);
  });

  it("gives an estimated request-rate point the concurrency of Little's law at that point", () => {
    // Rate 2/s: 2 req/s, E2E 1,000 ms; rate 4/s: 4 req/s, E2E 3,000 ms. E2E avg ≤ 2,000 ms is reached at t = 0.5:
    // 3 req/s and 2,000 ms there, so 3 × 2.0 s = 6 requests in flight (not the 0.5 × (2 + 12) = 7 of a
    // capacity interpolated as a whole).
    const rates = [
      point({ requestRate: 2, requestsPerSecond: 2, e2eMs: { avg: 1000 } }),
      point({ requestRate: 4, requestsPerSecond: 4, e2eMs: { avg: 3000 } }),
    ];
    const r = pickOperatingPoint(rates, [{ metric: 'e2e', stat: 'avg', bound: 2000 }], 'concurrentRequests', {
      interpolate: true,
    });
    expect(r.meetsSla).toBe(true);
    if (!r.meetsSla) return;
    expect(r.operatingPoint.interpolated).toBe(true);
    expect(r.operatingPoint.point.requestsPerSecond).toBe(3);
    expect(r.operatingPoint.point.e2eMs.avg).toBe(2000);
    expect(r.operatingPoint.capacity).toEqual({ value: 6, derived: true });
  });

  it('interpolates at the constraint that binds first', () => {
    // ITL avg 12.8 → 25 between c=10 and c=50; bound 15.24 binds at t = 2.44 / 12.2 = 0.2 (before TTFT's 0.5)
    const r = pickOperatingPoint(
      sweep,
      [ttftAvg(386), { metric: 'itl', stat: 'avg', bound: 15.24 }],
      'requestsPerSecond',
      { interpolate: true },
    );
    expect(r.meetsSla && r.operatingPoint.between?.fraction).toBeCloseTo(0.2, 12);
    expect(r.meetsSla && r.operatingPoint.between?.binding.metric).toBe('itl');
    expect(r.meetsSla && r.operatingPoint.capacity.value).toBeCloseTo(11.4 + 0.2 * 14.7, 12);
  });
});

describe('paretoFront (docs/method.md §Pareto front)', () => {
  type P = { id: string; x: number; y: number };
  const ids = (front: P[]) => front.map((p) => p.id).sort();
  const items: P[] = [
    { id: 'a', x: 100, y: 10 },
    { id: 'b', x: 200, y: 20 },
    { id: 'c', x: 250, y: 15 }, // dominated by b (higher y at lower x)
    { id: 'd', x: 200, y: 18 }, // dominated by b (higher y at the same x)
    { id: 'e', x: 400, y: 30 },
    { id: 'f', x: 400, y: 30 }, // equal to e: neither dominates the other
  ];

  it('keeps the points no other point beats with strictly higher y at the same or lower latency', () => {
    expect(
      ids(
        paretoFront(
          items,
          (p) => p.x,
          (p) => p.y,
          false,
        ),
      ),
    ).toEqual(['a', 'b', 'e', 'f']);
  });

  it('mirrors for tokens/s per user, where a higher x is better', () => {
    // with higher x better: e/f (x 400, y 30) beat every other point
    expect(
      ids(
        paretoFront(
          items,
          (p) => p.x,
          (p) => p.y,
          true,
        ),
      ),
    ).toEqual(['e', 'f']);
  });

  it('ignores points without a value', () => {
    expect(
      paretoFront(
        [{ id: 'x', x: 1, y: undefined }],
        (p) => p.x,
        (p) => p.y,
        false,
      ),
    ).toEqual([]);
  });
});

describe('projectSeries (docs/method.md §Chart)', () => {
  it('projects per GPU, skips points without the metric, and thins load labels on long sweeps', () => {
    const points = Array.from({ length: 40 }, (_, i) =>
      point({ concurrency: i + 1, ttftMs: { avg: 10 * (i + 1) }, requestsPerSecond: 2 * (i + 1) }),
    );
    points.push(point({ concurrency: 99, requestsPerSecond: 5 })); // no TTFT: not on a TTFT chart
    const series = {
      key: 's',
      name: 'S',
      points,
      sources: [],
      gpusPerInstance: 2,
      gpusPerInstanceFromName: false,
      hardware: EXAMPLE_HARDWARE,
      hidden: false,
      settingsIndex: -1,
      memberKeys: ['s'],
    };
    const projected = projectSeries(series, {
      x: { metric: 'ttft', stat: 'avg' },
      y: 'requestsPerSecondPerGpu',
      logX: false,
    });
    expect(projected.missing).toBe(1);
    expect(projected.points).toHaveLength(40);
    expect(projected.points[9]).toMatchObject({ x: 100, y: 10, load: 10, loadLabel: 'c=10' }); // 20 req/s ÷ 2 GPUs
    const labelled = projected.points.filter((p) => p.chartLabel !== '');
    expect(labelled.length).toBeLessThanOrEqual(MAX_LABELS_PER_SERIES + 1);
    expect(labelled[0]?.chartLabel).toBe('c=1');
    expect(labelled[labelled.length - 1]?.chartLabel).toBe('c=40');
  });
});

describe('gpusPerInstanceFromName', () => {
  it.each([
    ['h100-tp2/artifacts/m-{load}', 2],
    ['kimik2.5_tp4_conc64', 4],
    ['run-TP4-PP2', 8],
    ['pp2', 2],
    ['llama3-8b-h100', undefined],
    ['step42', undefined],
  ])('%s → %s', (name, gpus) => {
    expect(gpusPerInstanceFromName(name)).toBe(gpus);
  });
});
