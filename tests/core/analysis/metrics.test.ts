/** Reading numbers off a point (docs/method.md §Metrics and units, §Chart): metric values, load, axes, capacity. */
import { describe, expect, it } from 'vitest';
import {
  derivedConstraintNotes,
  derivedValueNote,
  capacityOf,
  describeLoad,
  formatLoadValue,
  loadValue,
  slaMetricValue,
  yAxisValue,
} from '../../../src/core/analysis/metrics.ts';
import {
  chartParetoFront,
  loadLabel,
  projectPoint,
  projectSeries,
  xAxisTitle,
  yAxisTitle,
} from '../../../src/core/analysis/projection.ts';
import type { ChartView } from '../../../src/core/model/scenario.ts';
import { EXAMPLE_HARDWARE } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

const full = point({
  concurrency: 8,
  ttftMs: { avg: 1 },
  itlMs: { avg: 2 },
  tpotMs: { avg: 3 },
  e2eMs: { avg: 4000, p99: 5 },
  outputTokensPerSecondPerUser: { avg: 6 },
  requestsPerSecond: 10,
  outputTokensPerSecond: 2000,
});
const rate = (requestRate: number) => point({ requestRate, requestsPerSecond: 3, e2eMs: { avg: 2500 } });
const saturation = point({ id: 'sat', load: { saturation: true, origin: 'file' } });
const noLoad = point({ id: 'none', load: { origin: 'user' } });

describe('slaMetricValue', () => {
  it('reads each metric at the stat asked for, undefined when absent', () => {
    expect((['ttft', 'itl', 'tpot', 'tpsPerUser'] as const).map((m) => slaMetricValue(full, m, 'avg'))).toEqual([
      1, 2, 3, 6,
    ]);
    expect(slaMetricValue(full, 'e2e', 'p99')).toBe(5);
    expect(slaMetricValue(full, 'ttft', 'p99')).toBeUndefined();
  });
});

describe('loadValue and describeLoad', () => {
  it('orders by concurrency, else request rate; saturation after every finite level; nothing at 0', () => {
    expect([loadValue(full), loadValue(rate(2.5)), loadValue(saturation), loadValue(noLoad)]).toEqual([
      8,
      2.5,
      Infinity,
      0,
    ]);
    expect(loadValue(point({ concurrency: 4, requestRate: 9 }))).toBe(4);
  });

  it('names the load as the page writes it', () => {
    expect(describeLoad(full)).toBe('concurrency 8');
    expect(describeLoad(rate(2.5))).toBe('request rate 2.5/s');
    expect(describeLoad(saturation)).toBe('unlimited request rate (saturation)');
    expect(describeLoad(noLoad)).toBe('unknown load');
  });

  it('writes whole loads as they are and others to at most two decimals', () => {
    expect([16, 2.5, 30.123, 3.999, 10.1, 100.001, 0.25].map(formatLoadValue)).toEqual([
      '16',
      '2.5',
      '30.12',
      '4',
      '10.1',
      '100',
      '0.25',
    ]);
  });
});

describe('yAxisValue', () => {
  it('gives throughput per instance, or per GPU divided by GPUs per instance', () => {
    expect(yAxisValue(full, 'requestsPerSecond', 4)).toBe(10);
    expect(yAxisValue(full, 'outputTokensPerSecond', 4)).toBe(2000);
    expect(yAxisValue(full, 'requestsPerSecondPerGpu', 4)).toBe(2.5); // 10 / 4
    expect(yAxisValue(full, 'outputTokensPerSecondPerGpu', 4)).toBe(500); // 2000 / 4
    expect(yAxisValue(noLoad, 'requestsPerSecondPerGpu', 4)).toBeUndefined();
    expect(yAxisValue(noLoad, 'outputTokensPerSecondPerGpu', 4)).toBeUndefined();
  });
});

describe('capacityOf', () => {
  it('is the measured throughput or concurrency in the demand unit', () => {
    expect(capacityOf(full, 'requestsPerSecond')).toEqual({ value: 10, derived: false });
    expect(capacityOf(full, 'outputTokensPerSecond')).toEqual({ value: 2000, derived: false });
    expect(capacityOf(full, 'concurrentRequests')).toEqual({ value: 8, derived: false });
  });

  it("derives concurrency by Little's law for a rate run, and has none without its inputs", () => {
    expect(capacityOf(rate(4), 'concurrentRequests')).toEqual({ value: 7.5, derived: true }); // 3 req/s × 2.5 s
    expect(capacityOf(point({ requestRate: 4, requestsPerSecond: 3 }), 'concurrentRequests')).toBeUndefined();
    expect(capacityOf(point({ requestRate: 4, e2eMs: { avg: 2500 } }), 'concurrentRequests')).toBeUndefined();
    expect(capacityOf(noLoad, 'requestsPerSecond')).toBeUndefined();
    expect(capacityOf(noLoad, 'outputTokensPerSecond')).toBeUndefined();
  });
});

describe('chart projection (docs/method.md §Chart)', () => {
  const view: ChartView = { x: { metric: 'ttft', stat: 'avg' }, y: 'requestsPerSecond', logX: false };

  it('labels loads: c=16, 2.5 req/s, max rate, ?', () => {
    expect([
      loadLabel(point({ concurrency: 16 })),
      loadLabel(rate(2.5)),
      loadLabel(saturation),
      loadLabel(noLoad),
    ]).toEqual(['c=16', '2.5 req/s', 'max rate', '?']);
  });

  it('projects a point, and leaves out x ≤ 0 on a log axis only', () => {
    expect(projectPoint(full, 's', view, 1)).toEqual({
      seriesKey: 's',
      pointId: full.id,
      x: 1,
      y: 10,
      load: 8,
      loadLabel: 'c=8',
      chartLabel: 'c=8',
    });
    const zero = point({ concurrency: 1, ttftMs: { avg: 0 }, requestsPerSecond: 1 });
    expect(projectPoint(zero, 's', view, 1)?.x).toBe(0);
    expect(projectPoint(zero, 's', { ...view, logX: true }, 1)).toBeUndefined();
    expect(projectPoint(full, 's', { ...view, logX: true }, 1)?.x).toBe(1);
    expect(projectPoint(point({ concurrency: 1, ttftMs: { avg: 5 } }), 's', view, 1)).toBeUndefined(); // no y
  });

  it('labels every other point on a 13-level sweep, and the last', () => {
    // ceil(13 / 12) = 2: labels at indices 0, 2, …, 12.
    const points = Array.from({ length: 13 }, (_, i) =>
      point({ concurrency: i + 1, ttftMs: { avg: i + 1 }, requestsPerSecond: i + 1 }),
    );
    const series = {
      key: 's',
      name: 'S',
      points,
      sources: [],
      gpusPerInstance: 1,
      gpusPerInstanceFromName: false,
      hardware: EXAMPLE_HARDWARE,
      hidden: false,
      settingsIndex: -1,
      memberKeys: ['s'],
    };
    const labels = projectSeries(series, view).points.map((p) => p.chartLabel);
    expect(labels).toEqual(['c=1', '', 'c=3', '', 'c=5', '', 'c=7', '', 'c=9', '', 'c=11', '', 'c=13']);
    const twelve = projectSeries({ ...series, points: points.slice(0, 12) }, view).points;
    expect(twelve.every((p) => p.chartLabel !== '')).toBe(true);
    const fourteen = projectSeries(
      { ...series, points: [...points, point({ concurrency: 14, ttftMs: { avg: 14 }, requestsPerSecond: 14 })] },
      view,
    ).points;
    expect(fourteen.map((p) => p.chartLabel).slice(-3)).toEqual(['', 'c=13', 'c=14']); // c=14: odd index, but last
  });

  it('draws the Pareto front sorted by x, with higher x better for tokens/s per user', () => {
    const p = (x: number, y: number) => ({
      seriesKey: 's',
      pointId: `${x}`,
      x,
      y,
      load: 1,
      loadLabel: '',
      chartLabel: '',
    });
    const series = [{ key: 's', name: 'S', points: [p(300, 30), p(100, 10), p(200, 5)], missing: 0 }];
    expect(chartParetoFront(series, view).map((q) => q.x)).toEqual([100, 300]);
    const perUser: ChartView = { ...view, x: { metric: 'tpsPerUser', stat: 'avg' } };
    expect(chartParetoFront(series, perUser).map((q) => q.x)).toEqual([300]);
    // Higher x better: 300 (y 10) and 100 (y 30) are both on the front, drawn from the lower x.
    const crossing = [{ key: 's', name: 'S', points: [p(300, 10), p(100, 30), p(200, 5)], missing: 0 }];
    expect(chartParetoFront(crossing, perUser).map((q) => q.x)).toEqual([100, 300]);
  });

  it('titles the axes with their units', () => {
    expect(xAxisTitle(view)).toBe('TTFT avg (ms)');
    expect(xAxisTitle({ ...view, x: { metric: 'tpsPerUser', stat: 'p50' }, logX: true })).toBe(
      'Tokens/s per user p50 (tokens/s), log scale',
    );
    expect(yAxisTitle(view)).toBe('Requests/s per instance (req/s)');
    expect(yAxisTitle({ ...view, y: 'outputTokensPerSecondPerGpu' })).toBe('Output tokens/s per GPU (tok/s)');
  });
});

describe('derived values beside a verdict', () => {
  // avg = mean OSL ÷ mean E2E, derived for a file without a per-user distribution; no other statistic is.
  const derived = point({
    concurrency: 2,
    outputTokensPerSecondPerUser: { avg: 25 },
    tpsPerUserDefinition: 'derived-mean-ratio',
  });
  const measured = point({
    concurrency: 1,
    outputTokensPerSecondPerUser: { avg: 30 },
    tpsPerUserDefinition: 'osl-over-e2e',
  });

  it('names only tokens/s per user avg of a point whose per-user speed was derived', () => {
    expect(derivedValueNote(derived, 'tpsPerUser', 'avg')).toBe('derived: mean output tokens ÷ mean E2E');
    expect(derivedValueNote(derived, 'tpsPerUser', 'p99')).toBeUndefined();
    expect(derivedValueNote(derived, 'e2e', 'avg')).toBeUndefined();
    expect(derivedValueNote(measured, 'tpsPerUser', 'avg')).toBeUndefined();
  });

  it('notes a constraint when any point of the series is derived, not only the first', () => {
    expect(derivedConstraintNotes([measured, derived], [{ metric: 'tpsPerUser', stat: 'avg' }])).toEqual([
      'Tokens/s per user avg is checked on a derived value (derived: mean output tokens ÷ mean E2E): ' +
        'the file reports no per-user distribution.',
    ]);
    expect(derivedConstraintNotes([measured, derived], [{ metric: 'tpsPerUser', stat: 'p99' }])).toEqual([]);
  });
});
