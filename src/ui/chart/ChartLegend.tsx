/**
 * The legend, drawn inside the chart's SVG (not recharts' HTML legend) so an exported image carries it.
 * Items flow left to right in the top margin and wrap; `legendHeight` tells the chart how much to reserve.
 */
import { usePlotArea } from 'recharts';
import type { MarkerShape } from '../common/palette.ts';
import { markerPath } from '../common/palette.ts';

export interface LegendItem {
  label: string;
  color: string;
  kind: 'series' | 'front' | 'operating' | 'failing' | 'sla';
  /** A series' marker shape. */
  shape?: MarkerShape;
}

const ROW = 18;
const CHAR_PX = 6.6;

/** Labels longer than a row are shortened with an ellipsis (the full name is in the series list). */
function fit(label: string, width: number): string {
  const max = Math.max(8, Math.floor((width - 40) / CHAR_PX));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function layout(items: readonly LegendItem[], width: number) {
  let x = 0;
  let row = 0;
  return items.map((original) => {
    const item = { ...original, label: fit(original.label, width) };
    const w = 22 + item.label.length * CHAR_PX + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const at = { item, x, y: row * ROW };
    x += w;
    return at;
  });
}

export function legendHeight(items: readonly LegendItem[], width: number): number {
  const placed = layout(items, width);
  return (placed.length === 0 ? 0 : (placed[placed.length - 1]?.y ?? 0) + ROW) + 8;
}

export function ChartLegend({ items, top }: { items: readonly LegendItem[]; top: number }) {
  const area = usePlotArea();
  if (!area) return null;
  return (
    <g className="chart-legend" transform={`translate(${area.x}, ${top})`}>
      {layout(items, area.width).map(({ item, x, y }) => (
        <g key={`${item.kind}-${item.label}`} transform={`translate(${x}, ${y})`}>
          {item.kind === 'series' ? (
            <>
              <line x1={0} x2={16} y1={6} y2={6} stroke={item.color} strokeWidth={2} />
              <path
                d={markerPath(item.shape ?? 'circle', 8, 6, 4.5)}
                fill={item.color}
                stroke={item.color}
                strokeWidth={1}
              />
            </>
          ) : item.kind === 'failing' ? (
            <circle cx={8} cy={6} r={4.5} fill="#ffffff" stroke={item.color} strokeWidth={1.8} />
          ) : item.kind === 'front' ? (
            <line x1={0} x2={16} y1={6} y2={6} stroke={item.color} strokeWidth={2} strokeDasharray="3 3" />
          ) : item.kind === 'operating' ? (
            <circle cx={8} cy={6} r={5} fill="none" stroke={item.color} strokeWidth={2.5} />
          ) : (
            <line x1={0} x2={16} y1={6} y2={6} stroke={item.color} strokeWidth={2} strokeDasharray="6 4" />
          )}
          <text x={22} y={10} fontSize={11} fill="#222">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
