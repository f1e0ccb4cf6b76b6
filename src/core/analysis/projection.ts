/**
 * What the latency–throughput chart plots (docs/method.md §Chart): per series, one (x, y) per load level in load
 * order; the Pareto front across the visible series; axis titles with units.
 */
import type { LoadPoint } from '../model/benchmark.ts';
import type { ChartView, SlaConstraint, YAxis } from '../model/scenario.ts';
import { SLA_METRIC_INFO, formatLoadValue, loadValue, slaMetricValue, yAxisValue } from './metrics.ts';
import { paretoFront } from './pareto.ts';
import type { ResolvedSeries } from './series.ts';

export interface ChartPoint {
  seriesKey: string;
  pointId: string;
  x: number;
  y: number;
  /** Concurrency, else request rate. */
  load: number;
  /** "c=16" or "2.5 req/s". */
  loadLabel: string;
  /** What is printed beside the dot: the load label, or '' where labels are thinned out (see projectSeries). */
  chartLabel: string;
  /** Whether the point meets the SLA (drawn filled) or not (hollow), when the chart's caller says. */
  status?: 'feasible' | 'infeasible' | 'unknown';
}

/**
 * At most this many load labels per series are printed on the chart (first and last always): beyond that
 * they overlap into noise, and each one costs paint time on every frame of a drag. The tooltip names any point.
 */
export const MAX_LABELS_PER_SERIES = 12;

/** One series' chart line: from its points, GPUs per instance and the view only (never its name or prices). */
export interface ProjectedSeries {
  key: string;
  points: ChartPoint[];
  /** Points left off because they lack the x or y metric. */
  missing: number;
}

/** A chart line with the series' display name (joined last, so a rename does not re-project the points). */
export interface ChartSeries extends ProjectedSeries {
  name: string;
}

export function loadLabel(point: LoadPoint): string {
  if (point.load.concurrency !== undefined) return `c=${formatLoadValue(point.load.concurrency)}`;
  if (point.load.requestRate !== undefined) return `${formatLoadValue(point.load.requestRate)} req/s`;
  if (point.load.saturation) return 'max rate';
  return '?';
}

/** The chart coordinates of one point, or undefined when it lacks either metric. */
export function projectPoint(
  point: LoadPoint,
  seriesKey: string,
  view: ChartView,
  gpusPerInstance: number,
): ChartPoint | undefined {
  const x = slaMetricValue(point, view.x.metric, view.x.stat);
  const y = yAxisValue(point, view.y, gpusPerInstance);
  if (x === undefined || y === undefined || (view.logX && x <= 0)) return undefined;
  const label = loadLabel(point);
  return { seriesKey, pointId: point.id, x, y, load: loadValue(point), loadLabel: label, chartLabel: label };
}

export function projectSeries(
  series: Pick<ResolvedSeries, 'key' | 'points' | 'gpusPerInstance'>,
  view: ChartView,
): ProjectedSeries {
  const points: ChartPoint[] = [];
  for (const p of series.points) {
    const projected = projectPoint(p, series.key, view, series.gpusPerInstance);
    if (projected) points.push(projected);
  }
  const every = Math.ceil(points.length / MAX_LABELS_PER_SERIES);
  if (every > 1) {
    points.forEach((p, i) => {
      if (i % every !== 0 && i !== points.length - 1) p.chartLabel = '';
    });
  }
  return { key: series.key, points, missing: series.points.length - points.length };
}

/** The Pareto front across all given series, sorted by x for drawing as a step line. */
export function chartParetoFront(
  series: ReadonlyArray<Pick<ProjectedSeries, 'points'>>,
  view: ChartView,
): ChartPoint[] {
  const all = series.flatMap((s) => s.points);
  const higherXIsBetter = SLA_METRIC_INFO[view.x.metric].direction === 'lower';
  return paretoFront(
    all,
    (p) => p.x,
    (p) => p.y,
    higherXIsBetter,
  ).sort((a, b) => a.x - b.x);
}

export const Y_AXIS_INFO: Readonly<
  Record<YAxis, { label: string; unit: string; perGpu: boolean; family: 'requests' | 'tokens' }>
> = {
  requestsPerSecond: { label: 'Requests/s per instance', unit: 'req/s', perGpu: false, family: 'requests' },
  requestsPerSecondPerGpu: { label: 'Requests/s per GPU', unit: 'req/s', perGpu: true, family: 'requests' },
  outputTokensPerSecond: { label: 'Output tokens/s per instance', unit: 'tok/s', perGpu: false, family: 'tokens' },
  outputTokensPerSecondPerGpu: { label: 'Output tokens/s per GPU', unit: 'tok/s', perGpu: true, family: 'tokens' },
};

export function xAxisTitle(view: ChartView): string {
  const info = SLA_METRIC_INFO[view.x.metric];
  return `${info.label} ${view.x.stat} (${info.unit})${view.logX ? ', log scale' : ''}`;
}

export function yAxisTitle(view: ChartView): string {
  const info = Y_AXIS_INFO[view.y];
  return `${info.label} (${info.unit})`;
}

/** A latency axis whose plotted values span more than this ratio (max ÷ min) reads better on a log scale. */
export const LOG_AXIS_SPAN = 20;

/** True when the positive x values of these series span more than LOG_AXIS_SPAN. */
export function prefersLogX(series: readonly Pick<ResolvedSeries, 'points'>[], view: Pick<ChartView, 'x'>): boolean {
  let min = Infinity;
  let max = 0;
  for (const s of series) {
    for (const p of s.points) {
      const x = slaMetricValue(p, view.x.metric, view.x.stat);
      if (x === undefined || !(x > 0)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  return max / min > LOG_AXIS_SPAN;
}

/** The view as drawn: with `logXAuto`, log x exactly when the data prefer it (prefersLogX). */
export function effectiveView(view: ChartView, series: readonly Pick<ResolvedSeries, 'points'>[]): ChartView {
  if (view.logXAuto !== true) return view;
  const logX = prefersLogX(series, view);
  return logX === view.logX ? view : { ...view, logX };
}

/**
 * The SLA constraint the chart draws as a line on its x axis: the first on the axis' metric and statistic, else the
 * first on its metric with another statistic (drawn at that statistic's bound, and labelled so). Undefined when no
 * constraint is on the axis' metric. Other constraints on the same metric and statistic are listed, not drawn.
 */
export function drawnConstraint(
  sla: readonly SlaConstraint[],
  view: Pick<ChartView, 'x'>,
): { index: number; constraint: SlaConstraint } | undefined {
  const exact = sla.findIndex((c) => c.metric === view.x.metric && c.stat === view.x.stat);
  const index = exact >= 0 ? exact : sla.findIndex((c) => c.metric === view.x.metric);
  const constraint = sla[index];
  return constraint === undefined ? undefined : { index, constraint };
}
