/**
 * The load level beside each dot ("c=16"), placed greedily so that labels never overlap: a label whose box
 * would cover one already placed is left out (the tooltip still names every point). Drawn through the chart's
 * scales, and subscribed only to the chart lines, so a drag never re-renders it.
 */
import { useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { selectChartSeries } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

const CHAR_PX = 5.8;
const HEIGHT = 11;
const GAP = 7;

interface Box {
  x: number;
  y: number;
  w: number;
}

function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 && Math.abs(a.y - b.y) < HEIGHT + 1;
}

export function LoadLabelsLayer() {
  const series = useAppStore(selectChartSeries);
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const labels = useMemo(() => {
    if (!xScale || !yScale || !area) return [];
    const placed: Array<Box & { key: string; text: string }> = [];
    for (const s of series) {
      for (const p of s.points) {
        if (p.chartLabel === '') continue;
        const x = xScale(p.x);
        const y = yScale(p.y);
        if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < area.x || x > area.x + area.width) continue; // outside the visible domain
        const box = { x, y: y - GAP - HEIGHT / 2, w: p.chartLabel.length * CHAR_PX };
        if (placed.some((other) => overlaps(box, other))) continue;
        placed.push({ ...box, key: `${s.key}|${p.pointId}`, text: p.chartLabel });
      }
    }
    return placed;
  }, [series, xScale, yScale, area]);
  return (
    <ZIndexLayer zIndex={1300}>
      <g className="load-labels" pointerEvents="none">
        {labels.map((l) => (
          <text key={l.key} x={l.x} y={l.y + HEIGHT / 2 - 1} textAnchor="middle" fontSize={10} fill="#444">
            {l.text}
          </text>
        ))}
      </g>
    </ZIndexLayer>
  );
}
