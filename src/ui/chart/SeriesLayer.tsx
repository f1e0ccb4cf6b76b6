/**
 * The series of the latency–throughput chart: each one's line through its points in load order and a marker per
 * point (SeriesMarker), and the Pareto front as a dashed step line. Drawn through the chart's scales as plain SVG
 * rather than as recharts <Scatter>s: a Scatter is a component per point plus a data registration in recharts'
 * store per series, which made the page's task that draws 1,000 newly loaded points last most of a second (issue
 * 11). Here a series is one memoised group of paths, so a load re-renders the series that changed, and no more.
 *
 * The marker under the pointer is told to the tooltip (hoverChannel.ts) with the point and where it is drawn.
 */
import type { PointerEvent } from 'react';
import { memo, useCallback, useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { ChartPoint, ChartSeries } from '../../core/analysis/projection.ts';
import type { SeriesStyle } from '../common/palette.ts';
import type { HoverChannel, HoveredPoint } from './hoverChannel.ts';
import { SeriesMarker } from './SeriesMarker.tsx';

type Scale = (value: number) => number | undefined;

const DEFAULT_STYLE: SeriesStyle = { color: '#000', shape: 'circle' };
const FRONT_COLOR = '#555555';
/** Below the SLA line and rings (overlay) and the load labels (1300), above the grid and axes (recharts' own). */
const SERIES_Z_INDEX = 600;

/** The pixel position of each point, or undefined where a scale cannot place it. */
function place(
  points: readonly ChartPoint[],
  x: Scale,
  y: Scale,
): Array<{ point: ChartPoint; cx: number; cy: number }> {
  const placed: Array<{ point: ChartPoint; cx: number; cy: number }> = [];
  for (const point of points) {
    const cx = x(point.x);
    const cy = y(point.y);
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    placed.push({ point, cx, cy });
  }
  return placed;
}

/**
 * An SVG path through the positions: straight segments, or a staircase that holds each level until the next
 * point's x (`after`) or rises to the next level first (`before`).
 */
export function linePath(positions: ReadonlyArray<{ cx: number; cy: number }>, step?: 'before' | 'after'): string {
  let d = '';
  let previous: { cx: number; cy: number } | undefined;
  for (const p of positions) {
    if (previous === undefined) d += `M${p.cx},${p.cy}`;
    else if (step === 'after') d += `H${p.cx}V${p.cy}`;
    else if (step === 'before') d += `V${p.cy}H${p.cx}`;
    else d += `L${p.cx},${p.cy}`;
    previous = p;
  }
  return d;
}

const SeriesCurve = memo(function SeriesCurve({
  series,
  style,
  xScale,
  yScale,
}: {
  series: ChartSeries;
  style: SeriesStyle;
  xScale: Scale;
  yScale: Scale;
}) {
  const placed = place(series.points, xScale, yScale);
  return (
    <g className="series" data-series-key={series.key}>
      <path className="series-line" d={linePath(placed)} fill="none" stroke={style.color} strokeWidth={2} />
      {placed.map(({ point, cx, cy }) => (
        <SeriesMarker
          key={point.pointId}
          cx={cx}
          cy={cy}
          status={point.status}
          pointId={point.pointId}
          color={style.color}
          shape={style.shape}
          seriesKey={series.key}
        />
      ))}
    </g>
  );
});

interface Props {
  series: readonly ChartSeries[];
  styles: ReadonlyMap<string, SeriesStyle>;
  /** The Pareto front sorted by x; drawn when it has two points or more. */
  front: readonly ChartPoint[];
  /** Whether a larger x is better (tokens/s per user): the front then drops right after each point. */
  higherXIsBetter: boolean;
  hover: HoverChannel<HoveredPoint>;
}

export function SeriesLayer({ series, styles, front, higherXIsBetter, hover }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const byId = useMemo(() => new Map(series.flatMap((s) => s.points.map((p) => [p.pointId, p] as const))), [series]);
  const over = useCallback(
    (event: PointerEvent<SVGGElement>) => {
      const point = byId.get((event.target as Element).getAttribute('data-point-id') ?? '');
      const cx = point && xScale?.(point.x);
      const cy = point && yScale?.(point.y);
      hover.set(point && cx !== undefined && cy !== undefined ? { point, cx, cy } : null);
    },
    [byId, xScale, yScale, hover],
  );
  const out = useCallback(() => hover.set(null), [hover]);
  if (!xScale || !yScale || !area) return null;
  const frontPath =
    front.length > 1 ? linePath(place(front, xScale, yScale), higherXIsBetter ? 'before' : 'after') : undefined;
  return (
    <ZIndexLayer zIndex={SERIES_Z_INDEX}>
      <g className="series-layer" onPointerOver={over} onPointerOut={out}>
        {series.map((s) => (
          <SeriesCurve
            key={s.key}
            series={s}
            style={styles.get(s.key) ?? DEFAULT_STYLE}
            xScale={xScale}
            yScale={yScale}
          />
        ))}
        {frontPath !== undefined ? (
          <path
            className="pareto-front"
            d={frontPath}
            fill="none"
            stroke={FRONT_COLOR}
            strokeWidth={1.5}
            strokeDasharray="3 3"
            pointerEvents="none"
          />
        ) : null}
      </g>
    </ZIndexLayer>
  );
}

export { FRONT_COLOR };
