/**
 * Rings around each series' operating point, drawn through the chart's scales rather than as a recharts
 * <Scatter>: its data changes on every drag frame, and a Scatter's data feeds recharts' axis-domain
 * computation, which would re-render every series layer each frame. This layer subscribes to the results
 * itself, so a drag re-renders only it, and it is drawn into the chart's overlay (as the SLA line is, SlaHandle):
 * moving a ring repaints the overlay only, not the dots and curves under it.
 */
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useXAxisScale, useYAxisScale } from 'recharts';
import { projectPoint } from '../../core/analysis/projection.ts';
import { selectResults, selectView } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { selectSeriesColors } from '../common/palette.ts';

/** `overlay`: the rings' layer in the <svg> laid over the chart's, in its coordinates (null until mounted). */
export function OperatingPointsLayer({ overlay }: { overlay: SVGGElement | null }) {
  const results = useAppStore(selectResults);
  const view = useAppStore(selectView);
  const colors = useAppStore(selectSeriesColors);
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const rings = useMemo(
    () =>
      results.flatMap((r) => {
        if (!r.pick.meetsSla) return [];
        const p = projectPoint(r.pick.operatingPoint.point, r.series.key, view, r.series.gpusPerInstance);
        return p
          ? [
              {
                key: r.series.key,
                x: p.x,
                y: p.y,
                color: colors.get(r.series.key) ?? '#000',
                estimate: r.pick.operatingPoint.interpolated,
              },
            ]
          : [];
      }),
    [results, view, colors],
  );
  if (!xScale || !yScale || !overlay) return null;
  return createPortal(
    <g className="operating-points" pointerEvents="none">
      {rings.map((ring) => {
        const cx = xScale(ring.x);
        const cy = yScale(ring.y);
        if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        return (
          <g key={ring.key} className="operating-point" data-series-key={ring.key}>
            <circle cx={cx} cy={cy} r={12} fill="none" stroke="#fff" strokeWidth={3} />
            <circle
              cx={cx}
              cy={cy}
              r={9}
              fill="none"
              stroke={ring.color}
              strokeWidth={2.5}
              strokeDasharray={ring.estimate ? '3 2' : undefined}
            />
          </g>
        );
      })}
    </g>,
    overlay,
  );
}
