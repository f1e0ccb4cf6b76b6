/**
 * One dot of a series: its marker shape in its colour, filled when the point meets the SLA, hollow when it
 * fails it (dashed when the files lack a constrained statistic). The verdict comes with the chart point (under
 * the committed SLA: a dragged line updates the markers on release).
 */
import type { ChartPoint } from '../../core/analysis/projection.ts';
import type { MarkerShape } from '../common/palette.ts';
import { markerPath } from '../common/palette.ts';

export const MARKER_RADIUS = 5;

interface Props {
  cx: number;
  cy: number;
  status: ChartPoint['status'];
  /** Read back by the series layer to name the point under the pointer. */
  pointId: string;
  color: string;
  shape: MarkerShape;
  seriesKey: string;
}

export function SeriesMarker({ cx, cy, status, pointId, color, shape, seriesKey }: Props) {
  const meets = status === 'feasible';
  return (
    <path
      className={`series-marker series-marker--${status ?? 'unknown'}`}
      data-series-key={seriesKey}
      data-point-id={pointId}
      data-shape={shape}
      d={markerPath(shape, cx, cy, MARKER_RADIUS)}
      fill={meets ? color : '#ffffff'}
      stroke={color}
      strokeWidth={meets ? 1 : 1.8}
      strokeDasharray={status === 'unknown' ? '2 1.5' : undefined}
    />
  );
}
