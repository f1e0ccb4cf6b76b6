/**
 * The latency–throughput chart (docs/method.md §Chart): one polyline per series in load order, each with its own colour
 * and marker shape (from its key), dots filled when they meet the SLA and hollow when they fail it, the load
 * level beside each dot, the Pareto front, each series' operating point ringed, and the SLA line of the x-axis
 * metric as a draggable handle with the region it rules out shaded. Axes tick at round steps; the y axis is as
 * wide as its longest tick label, so its title never sits on them.
 *
 * Performance: this component does not subscribe to anything that changes while an SLA line is dragged.
 * The series are plain SVG drawn through the chart's scales (SeriesLayer), one memoised group per series, from
 * selectors independent of the SLA; the handle and the operating-point rings subscribe on their own. A drag
 * re-renders only them and the table, and they are drawn on an overlay (SlaHandle), so moving the line does not
 * repaint the curves. A hover re-renders the tooltip only (hoverChannel.ts).
 */
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, ScatterChart, XAxis, YAxis } from 'recharts';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { drawnConstraint, xAxisTitle, yAxisTitle } from '../../core/analysis/projection.ts';
import type { ChartPoint, ChartSeries } from '../../core/analysis/projection.ts';
import type { ChartView, SlaConstraint } from '../../core/model/scenario.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import { selectAllSeries, selectChartSeries, selectParetoFront, selectView } from '../../store/selectors.ts';
import { useBackgroundAppStore } from '../common/useDeferredAppStore.ts';
import { selectSeriesStyles } from '../common/palette.ts';
import type { SeriesStyle } from '../common/palette.ts';
import type { LegendItem } from './ChartLegend.tsx';
import { ChartLegend, legendHeight } from './ChartLegend.tsx';
import { LoadLabelsLayer } from './LoadLabelsLayer.tsx';
import { OperatingPointsLayer } from './OperatingPointsLayer.tsx';
import { PointTooltip } from './PointTooltip.tsx';
import { niceTicks, paddedDomain, roundTicksThatFit, yAxisWidthPx } from './scaleMath.ts';
import { samePoint, useHoverChannel } from './hoverChannel.ts';
import { FRONT_COLOR, SeriesLayer } from './SeriesLayer.tsx';
import { SLA_LABEL_ROW, SlaHandle } from './SlaHandle.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { AxisTick } from './AxisTick.tsx';

const HEIGHT = 460;
const SLA_COLOR = '#b71c1c';
/** The chart's margins around the plot (the top one grows with the legend). */
const MARGIN = { right: 24, bottom: 44, left: 8 };

/**
 * What the chart draws, read from the store a step behind (useBackgroundAppStore), and the chart itself memoised on
 * it: a change of data re-renders the chart in React's background render, in slices, not in the task of the change
 * (1,000 points loaded at once). What a drag moves subscribes on its own, at once (SlaHandle, OperatingPointsLayer).
 */
export function LatencyThroughputChart({ width }: { width?: number }) {
  const chartSeries = useBackgroundAppStore(selectChartSeries);
  const front = useBackgroundAppStore(selectParetoFront);
  const view = useBackgroundAppStore(selectView);
  const styles = useBackgroundAppStore(selectSeriesStyles);
  const sla = useBackgroundAppStore((s) => s.settings.sla);
  const anySeries = useBackgroundAppStore((s) => selectAllSeries(s).length > 0);
  return (
    <LatencyThroughputChartView
      fixedWidth={width}
      chartSeries={chartSeries}
      front={front}
      view={view}
      styles={styles}
      sla={sla}
      anySeries={anySeries}
    />
  );
}

interface ViewProps {
  fixedWidth: number | undefined;
  chartSeries: readonly ChartSeries[];
  front: readonly ChartPoint[];
  view: ChartView;
  styles: ReadonlyMap<string, SeriesStyle>;
  sla: readonly SlaConstraint[];
  anySeries: boolean;
}

const LatencyThroughputChartView = memo(function LatencyThroughputChartView({
  fixedWidth,
  chartSeries,
  front,
  view,
  styles,
  sla,
  anySeries,
}: ViewProps) {
  const [containerRef, measuredWidth] = useElementWidth<HTMLDivElement>(fixedWidth ?? 800);
  // The overlay's two layers, rings under the SLA line: what a drag moves is drawn there (SlaHandle).
  const [ringLayer, setRingLayer] = useState<SVGGElement | null>(null);
  const [handleLayer, setHandleLayer] = useState<SVGGElement | null>(null);
  const hover = useHoverChannel(samePoint);
  const width = fixedWidth ?? measuredWidth;

  // The line drawn (projection.ts drawnConstraint); its label says which statistic it bounds.
  const drawnLine = drawnConstraint(sla, view);
  const drawnIndex = drawnLine?.index ?? -1;
  const drawn = drawnLine?.constraint;

  // The axis covers the data only: a limit far outside it is drawn at the edge (SlaHandle), not allowed to
  // squeeze every curve into a corner.
  const xDomain = useMemo(
    () =>
      paddedDomain(
        chartSeries.flatMap((s) => s.points.map((p) => p.x)),
        view.logX,
      ),
    [chartSeries, view.logX],
  );
  const yTicks = useMemo(() => {
    const maxY = Math.max(0, ...chartSeries.flatMap((s) => s.points.map((p) => p.y)));
    return niceTicks(0, maxY * 1.04 || 1, 6);
  }, [chartSeries]);
  const yWidth = yAxisWidthPx(yTicks.map((t) => formatNumber(t)));
  // Only ticks whose labels fit side by side are given to the axis, so it draws each one (interval 0) without
  // measuring label text in the DOM.
  const plotWidth = width - yWidth - MARGIN.left - MARGIN.right;
  const xTicks = useMemo(
    () => roundTicksThatFit(xDomain, view.logX, plotWidth, formatNumber),
    [xDomain, view.logX, plotWidth],
  );

  // The front is a staircase of the best throughput reachable at each x: for a latency (lower is better) it holds
  // a level until the next point to the right; for tokens/s per user (higher is better) it drops right after a point.
  const higherXIsBetter = SLA_METRIC_INFO[view.x.metric].direction === 'lower';

  const legendItems = useMemo((): LegendItem[] => {
    const items: LegendItem[] = chartSeries.map((s) => {
      const style = styles.get(s.key);
      return { label: s.name, color: style?.color ?? '#000', kind: 'series', shape: style?.shape ?? 'circle' };
    });
    if (front.length > 1) items.push({ label: 'Pareto front', color: FRONT_COLOR, kind: 'front' });
    items.push({ label: 'Operating point', color: '#222', kind: 'operating' });
    items.push({ label: 'Fails the SLA', color: '#222', kind: 'failing' });
    if (drawn) {
      items.push({ label: `SLA: ${SLA_METRIC_INFO[drawn.metric].label} ${drawn.stat}`, color: SLA_COLOR, kind: 'sla' });
    }
    return items;
  }, [chartSeries, styles, front.length, drawn]);
  const legendTop = 8;
  const topMargin = legendTop + legendHeight(legendItems, Math.max(200, width - yWidth - 48)) + SLA_LABEL_ROW;

  const missing = chartSeries.filter((s) => s.missing > 0);
  if (chartSeries.length === 0) {
    return (
      <div ref={containerRef} className="chart chart--empty">
        <p>
          {anySeries
            ? 'Every configuration is hidden: tick “Show” in the list to draw it.'
            : 'Load a benchmark to see its latency–throughput curve.'}
        </p>
      </div>
    );
  }
  return (
    <div ref={containerRef} className="chart" data-testid="latency-throughput-chart">
      <ScatterChart
        width={width}
        height={HEIGHT + topMargin}
        margin={{ ...MARGIN, top: topMargin }}
        title={`${yAxisTitle(view)} against ${xAxisTitle(view)}, one line per configuration`}
      >
        <CartesianGrid stroke="#e6e6e6" />
        <XAxis
          type="number"
          dataKey="x"
          name={xAxisTitle(view)}
          scale={view.logX ? 'log' : 'linear'}
          domain={xDomain}
          ticks={xTicks}
          interval={0}
          allowDataOverflow
          tick={AxisTick}
          tickFormatter={(v: number) => formatNumber(v)}
          label={{ value: xAxisTitle(view), position: 'insideBottom', offset: -30, fill: '#222', fontSize: 13 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={yAxisTitle(view)}
          domain={[0, yTicks[yTicks.length - 1] ?? 1]}
          ticks={yTicks}
          interval={0}
          allowDataOverflow
          tick={AxisTick}
          tickFormatter={(v: number) => formatNumber(v)}
          label={{
            value: yAxisTitle(view),
            angle: -90,
            position: 'insideLeft',
            offset: 4,
            fill: '#222',
            fontSize: 13,
            style: { textAnchor: 'middle' },
          }}
          width={yWidth}
        />
        <SeriesLayer
          series={chartSeries}
          styles={styles}
          front={front}
          higherXIsBetter={higherXIsBetter}
          hover={hover}
        />
        <LoadLabelsLayer />
        <OperatingPointsLayer overlay={ringLayer} />
        {drawn ? (
          <SlaHandle
            index={drawnIndex}
            constraint={drawn}
            domain={xDomain}
            log={view.logX}
            axisStat={view.x.stat}
            overlay={handleLayer}
          />
        ) : null}
        <ChartLegend items={legendItems} top={legendTop} />
      </ScatterChart>
      <svg className="chart__overlay" width={width} height={HEIGHT + topMargin}>
        <g ref={setRingLayer} />
        <g ref={setHandleLayer} />
      </svg>
      <PointTooltip hover={hover} chartWidth={width} chartHeight={HEIGHT + topMargin} view={view} />
      {drawn === undefined && sla.length > 0 ? (
        <p className="chart__note">
          No SLA constraint is on {SLA_METRIC_INFO[view.x.metric].label}: pick another x axis, or “Show on the chart”
          beside a constraint, to drag its limit here.
        </p>
      ) : null}
      {missing.length > 0 ? (
        <p className="chart__note">
          Not on this chart for lack of the axis metric:{' '}
          {missing.map((s) => `${s.name} (${s.missing} point${s.missing === 1 ? '' : 's'})`).join('; ')}.
        </p>
      ) : null}
    </div>
  );
});
