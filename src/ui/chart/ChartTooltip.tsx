/**
 * The box of a chart's tooltip, beside the point it names and kept inside the chart: placed once its size is known,
 * before the browser paints it. What it says is the caller's (PointTooltip, SweepTooltip, GoodputTooltip).
 */
import type { ReactNode } from 'react';
import { useLayoutEffect, useRef } from 'react';

/** Pixels between the point and the tooltip's corner. */
const OFFSET_PX = 14;

/**
 * Where a box of `size` opens beside `anchor` along one axis of `extent` pixels: after it if it fits, else before
 * it if it fits, else wherever it is least cut off (kept inside the chart).
 */
export function tooltipOffset(anchor: number, size: number, extent: number): number {
  if (anchor + OFFSET_PX + size <= extent) return anchor + OFFSET_PX;
  if (anchor - OFFSET_PX - size >= 0) return anchor - OFFSET_PX - size;
  return Math.max(0, extent - size);
}

/**
 * Beside the point at (cx, cy) in a chart of chartWidth × chartHeight pixels; or, for a tooltip naming a whole
 * column of the chart, beside x = cx with its top at `top`.
 */
type Props = { cx: number; chartWidth: number; children: ReactNode } & (
  { cy: number; chartHeight: number } | { top: number }
);

export function ChartTooltip(props: Props) {
  const { cx, chartWidth, children } = props;
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.style.left = `${tooltipOffset(cx, box.offsetWidth, chartWidth)}px`;
    box.style.top = `${'top' in props ? props.top : tooltipOffset(props.cy, box.offsetHeight, props.chartHeight)}px`;
  });
  return (
    <div ref={ref} className="chart-tooltip" role="tooltip">
      {children}
    </div>
  );
}
