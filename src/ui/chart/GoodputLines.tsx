/**
 * The goodput chart's lines: per configuration, its goodput at each load level with per-request data, a dot per
 * level joined in load order (broken where goodput cannot be known), drawn through the chart's scales as plain SVG
 * (as the other charts' data, SeriesLayer and SweepCurves: recharts' <Line> measures its path in the DOM each time it
 * renders, a forced layout of the page on every frame of a drag). The dot under the pointer is named in a tooltip.
 */
import type { PointerEvent } from 'react';
import { memo, useCallback } from 'react';
import { useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { HoverChannel } from './hoverChannel.ts';
import { useHovered } from './hoverChannel.ts';
import { ChartTooltip } from './ChartTooltip.tsx';
import type { Scale } from './SweepCurves.tsx';
import { curvePath } from './SweepCurves.tsx';

const DOT_RADIUS = 3.5;
/** Above the axes (recharts' 500): a dot at 0 % sits on the x axis and must still take the pointer. */
const LINES_Z_INDEX = 600;

export interface GoodputLine {
  key: string;
  name: string;
  color: string;
  /** In load order: the level, its label ("c=16"), the value drawn (null: not known) and its text. */
  points: ReadonlyArray<{ load: number; loadLabel: string; value: number | null; text: string }>;
}

/** A dot under the pointer: its line, its index there, and where it is drawn. */
export interface GoodputHover {
  line: GoodputLine;
  index: number;
  cx: number;
  cy: number;
}
export const sameDot = (a: GoodputHover, b: GoodputHover) => a.line === b.line && a.index === b.index;

const Line = memo(function Line({ line, xScale, yScale }: { line: GoodputLine; xScale: Scale; yScale: Scale }) {
  const loads = line.points.map((p) => p.load);
  const values = line.points.map((p) => p.value);
  return (
    <g className="goodput-line" data-series-key={line.key}>
      <path
        d={curvePath(loads, values, xScale, yScale, false)}
        fill="none"
        stroke={line.color}
        strokeWidth={2}
        strokeLinejoin="round"
      />
      {line.points.map((p, index) => {
        const cx = xScale(p.load);
        const cy = p.value === null ? undefined : yScale(p.value);
        if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        return (
          <circle
            key={p.load}
            className="goodput-dot"
            data-index={index}
            cx={cx}
            cy={cy}
            r={DOT_RADIUS}
            fill="#fff"
            stroke={line.color}
            strokeWidth={2}
          />
        );
      })}
    </g>
  );
});

export function GoodputLines({ lines, hover }: { lines: readonly GoodputLine[]; hover: HoverChannel<GoodputHover> }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const over = useCallback(
    (event: PointerEvent<SVGGElement>) => {
      const dot = event.target as Element;
      const key = dot.parentElement?.getAttribute('data-series-key');
      const line = lines.find((l) => l.key === key);
      const index = Number(dot.getAttribute('data-index') ?? NaN);
      const point = line?.points[index];
      const cx = point && xScale?.(point.load);
      const cy = point && point.value !== null ? yScale?.(point.value) : undefined;
      hover.set(line && cx !== undefined && cy !== undefined ? { line, index, cx, cy } : null);
    },
    [lines, xScale, yScale, hover],
  );
  const out = useCallback(() => hover.set(null), [hover]);
  if (!xScale || !yScale) return null;
  return (
    <ZIndexLayer zIndex={LINES_Z_INDEX}>
      <g className="goodput-lines" onPointerOver={over} onPointerOut={out}>
        {lines.map((line) => (
          <Line key={line.key} line={line} xScale={xScale} yScale={yScale} />
        ))}
      </g>
    </ZIndexLayer>
  );
}

export function GoodputTooltip({
  hover,
  chartWidth,
  chartHeight,
}: {
  hover: HoverChannel<GoodputHover>;
  chartWidth: number;
  chartHeight: number;
}) {
  const hovered = useHovered(hover);
  const point = hovered?.line.points[hovered.index];
  if (!hovered || !point) return null;
  return (
    <ChartTooltip cx={hovered.cx} cy={hovered.cy} chartWidth={chartWidth} chartHeight={chartHeight}>
      <strong style={{ color: hovered.line.color }}>{hovered.line.name}</strong>
      <div>Load: {point.loadLabel}</div>
      <div className="chart-tooltip__plotted">{point.text}</div>
    </ChartTooltip>
  );
}
