/**
 * The load level beside each dot ("c=16"), placed greedily: above the dot, else below, right or left, wherever
 * the label covers no other label and no operating-point ring; a label with no free place is left out (the
 * tooltip still names every point). The SLA line's label sits above the plot area, out of their way. Drawn
 * through the chart's scales; it re-renders when a ring moves to another point, not on every drag frame.
 */
import { useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { projectPoint } from '../../core/analysis/projection.ts';
import type { AppState } from '../../store/appStore.ts';
import { selectChartSeries, selectCommittedResults, selectView } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

const CHAR_PX = 5.8;
const HEIGHT = 11;
const GAP = 7;
/** The outer radius of an operating-point ring (OperatingPointsLayer) plus a pixel. */
const RING_RADIUS = 13;

interface Box {
  x: number;
  y: number;
  w: number;
}

function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 && Math.abs(a.y - b.y) < HEIGHT + 1;
}

function coversRing(box: Box, ring: { x: number; y: number }): boolean {
  const dx = Math.max(Math.abs(ring.x - box.x) - box.w / 2, 0);
  const dy = Math.max(Math.abs(ring.y - box.y) - HEIGHT / 2, 0);
  return dx * dx + dy * dy < RING_RADIUS * RING_RADIUS;
}

/**
 * Where the rings are under the committed SLA, in data coordinates, as one string: it changes only when a ring
 * moves for good. While a line is dragged the labels keep their places (re-placing them every frame would cost
 * the drag its frame budget) and settle on release.
 */
function selectRingKey(state: AppState): string {
  const view = selectView(state);
  return selectCommittedResults(state)
    .map((r) => {
      if (!r.pick.meetsSla) return '';
      const p = projectPoint(r.pick.operatingPoint.point, r.series.key, view, r.series.gpusPerInstance);
      return p ? `${p.x},${p.y}` : '';
    })
    .filter((k) => k !== '')
    .join(';');
}

export function LoadLabelsLayer() {
  const series = useAppStore(selectChartSeries);
  const ringKey = useAppStore(selectRingKey);
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const labels = useMemo(() => {
    if (!xScale || !yScale || !area) return [];
    const rings =
      ringKey === ''
        ? []
        : ringKey.split(';').map((pair) => {
            const [x, y] = pair.split(',').map(Number) as [number, number];
            return { x: xScale(x) ?? NaN, y: yScale(y) ?? NaN };
          });
    const placed: Array<Box & { key: string; text: string }> = [];
    const inside = (b: Box) =>
      b.x - b.w / 2 >= area.x - 4 && b.x + b.w / 2 <= area.x + area.width + 4 && b.y - HEIGHT / 2 >= area.y;
    const free = (b: Box) => !placed.some((other) => overlaps(b, other)) && !rings.some((ring) => coversRing(b, ring));
    for (const s of series) {
      for (const p of s.points) {
        if (p.chartLabel === '') continue;
        const x = xScale(p.x);
        const y = yScale(p.y);
        if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < area.x || x > area.x + area.width) continue; // outside the visible domain
        const w = p.chartLabel.length * CHAR_PX;
        // Close to the dot first; farther out (clear of a ring around the dot itself) after.
        const candidates: Box[] = [GAP, RING_RADIUS + 1].flatMap((d) => [
          { x, y: y - d - HEIGHT / 2, w },
          { x, y: y + d + HEIGHT / 2, w },
          { x: x + d + w / 2, y, w },
          { x: x - d - w / 2, y, w },
        ]);
        const box = candidates.find((b) => inside(b) && free(b));
        if (box) placed.push({ ...box, key: `${s.key}|${p.pointId}`, text: p.chartLabel });
      }
    }
    return placed;
  }, [series, ringKey, xScale, yScale, area]);
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
