/**
 * The cost-vs-SLA chart's curves and its tooltip. Each configuration's value at every swept bound is drawn as a
 * step line through the chart's scales (a value holds until the next bound), broken where the configuration
 * cannot meet the bound. Drawn as plain SVG rather than as recharts <Line>s: a Line measures its path's length in
 * the DOM each time it renders (for an animation this chart does not use), which forces a layout of the whole page
 * in the middle of a load's re-render (issue 11). The pointer anywhere over the plot names the nearest bound and
 * every configuration's value there.
 */
import type { PointerEvent } from 'react';
import { memo, useCallback } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { HoverChannel } from './hoverChannel.ts';
import { useHovered } from './hoverChannel.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import { linePath } from './SeriesLayer.tsx';

export interface SweepCurve {
  key: string;
  name: string;
  color: string;
  /** The value at each bound; null where the configuration cannot meet it. */
  values: ReadonlyArray<number | null>;
}

/** The bound under the pointer (its index in the sweep) and its x in the chart's pixels. */
export interface SweepHover {
  index: number;
  cx: number;
}
export const sameBound = (a: SweepHover, b: SweepHover) => a.index === b.index;

export type Scale = (value: number) => number | undefined;

/** The runs of consecutive values a configuration has, as pixel positions (a gap ends a run). */
function runs(bounds: readonly number[], values: ReadonlyArray<number | null>, x: Scale, y: Scale) {
  const all: Array<Array<{ cx: number; cy: number }>> = [];
  let run: Array<{ cx: number; cy: number }> = [];
  bounds.forEach((bound, i) => {
    const value = values[i];
    const cx = x(bound);
    const cy = value === null || value === undefined ? undefined : y(value);
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) {
      if (run.length > 0) all.push(run);
      run = [];
      return;
    }
    run.push({ cx, cy });
  });
  if (run.length > 0) all.push(run);
  return all;
}

/**
 * A line through (xs[i], values[i]), one stretch per run of known values: a step line (each value held until the
 * next x) unless `step` is false.
 */
export function curvePath(
  xs: readonly number[],
  values: ReadonlyArray<number | null>,
  x: Scale,
  y: Scale,
  step = true,
): string {
  return runs(xs, values, x, y)
    .map((run) => linePath(run, step ? 'after' : undefined))
    .join('');
}

const Curve = memo(function Curve({
  curve,
  bounds,
  xScale,
  yScale,
}: {
  curve: SweepCurve;
  bounds: readonly number[];
  xScale: Scale;
  yScale: Scale;
}) {
  const d = curvePath(bounds, curve.values, xScale, yScale);
  return (
    <path
      className="sweep-line"
      data-series-key={curve.key}
      d={d}
      fill="none"
      stroke={curve.color}
      strokeWidth={2}
      strokeLinejoin="round"
    />
  );
});

interface Props {
  bounds: readonly number[];
  curves: readonly SweepCurve[];
  hover: HoverChannel<SweepHover>;
}

export function SweepCurves({ bounds, curves, hover }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const move = useCallback(
    (event: PointerEvent<SVGRectElement>) => {
      if (!xScale || !area) return;
      const x = area.x + event.clientX - event.currentTarget.getBoundingClientRect().left;
      let nearest: SweepHover | null = null;
      bounds.forEach((bound, index) => {
        const cx = xScale(bound);
        if (cx !== undefined && (nearest === null || Math.abs(cx - x) < Math.abs(nearest.cx - x))) {
          nearest = { index, cx };
        }
      });
      hover.set(nearest);
    },
    [bounds, xScale, area, hover],
  );
  const leave = useCallback(() => hover.set(null), [hover]);
  if (!xScale || !yScale || !area) return null;
  return (
    <ZIndexLayer zIndex={400}>
      <g className="sweep-curves">
        {curves.map((curve) => (
          <Curve key={curve.key} curve={curve} bounds={bounds} xScale={xScale} yScale={yScale} />
        ))}
        <rect
          x={area.x}
          y={area.y}
          width={Math.max(0, area.width)}
          height={Math.max(0, area.height)}
          fill="transparent"
          onPointerMove={move}
          onPointerLeave={leave}
          data-export="skip"
        />
      </g>
    </ZIndexLayer>
  );
}

interface TooltipProps {
  hover: HoverChannel<SweepHover>;
  bounds: readonly number[];
  curves: readonly SweepCurve[];
  /** "TTFT avg limit 250 ms" */
  boundLabel: (bound: number) => string;
  format: (value: number) => string;
  chartWidth: number;
  /** Where the tooltip's top sits (the plot's top, below the legend). */
  top: number;
}

export function SweepTooltip({ hover, bounds, curves, boundLabel, format, chartWidth, top }: TooltipProps) {
  const hovered = useHovered(hover);
  const bound = hovered ? bounds[hovered.index] : undefined;
  if (!hovered || bound === undefined) return null;
  return (
    <ChartTooltip cx={hovered.cx} chartWidth={chartWidth} top={top}>
      <strong>{boundLabel(bound)}</strong>
      <table>
        <tbody>
          {curves.map((curve) => {
            const value = curve.values[hovered.index];
            return (
              <tr key={curve.key}>
                <th style={{ color: curve.color }}>{curve.name}</th>
                <td>{value === null || value === undefined ? 'cannot meet' : format(value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ChartTooltip>
  );
}
