/**
 * One dot of a series: its marker shape in its colour, filled when the point meets the SLA, hollow when it
 * fails it (dashed when the files lack a constrained statistic). Each marker reads its own point's verdict from
 * the store (under the committed SLA: a dragged line updates them on release), so a change re-renders only the
 * markers whose verdict flips, never the chart.
 */
import { selectPointStatuses } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import type { MarkerShape } from '../common/palette.ts';
import { markerPath } from '../common/palette.ts';

export const MARKER_RADIUS = 5;

interface Props {
  cx?: number;
  cy?: number;
  payload?: { pointId?: string };
  color: string;
  shape: MarkerShape;
  seriesKey: string;
}

export function SeriesMarker({ cx, cy, payload, color, shape, seriesKey }: Props) {
  const id = payload?.pointId;
  const status = useAppStore((s) => (id === undefined ? undefined : selectPointStatuses(s).get(id)));
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const meets = status === 'feasible';
  return (
    <path
      className={`series-marker series-marker--${status ?? 'unknown'}`}
      data-series-key={seriesKey}
      data-shape={shape}
      d={markerPath(shape, cx, cy, MARKER_RADIUS)}
      fill={meets ? color : '#ffffff'}
      stroke={color}
      strokeWidth={meets ? 1 : 1.8}
      strokeDasharray={status === 'unknown' ? '2 1.5' : undefined}
    />
  );
}
