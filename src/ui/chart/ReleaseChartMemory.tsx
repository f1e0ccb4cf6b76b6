/**
 * Lets go of the last chart's data once the page holds none. recharts 3 memoises its selectors at module level, and
 * reselect's `createSelector` keeps each selector's last result (`lastResult`) until it computes again: after
 * "Remove all data" the charts are gone, so nothing computes, and the removed data set's line points, ticks and
 * tooltip entries stayed reachable. Drawing, out of sight, a line chart (the kind the goodput chart is) with no data
 * makes those selectors compute again on nothing. (The latency–throughput and cost-vs-SLA charts draw their data
 * themselves, SeriesLayer and SweepCurves, and leave none in recharts.)
 * Mounted by the page when it comes to hold no data; it draws for RELEASE_AFTER_MS, then removes itself.
 */
import { useEffect, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

const NO_DATA: never[] = [];
const SIZE = { width: 120, height: 80 };
/** Long enough for recharts to register the series and compute on them (a few renders). */
const RELEASE_AFTER_MS = 500;

export function ReleaseChartMemory() {
  const [done, setDone] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDone(true), RELEASE_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (done) return null;
  return (
    <div className="visually-hidden" aria-hidden="true" data-testid="release-chart-memory">
      <LineChart {...SIZE} data={NO_DATA}>
        <CartesianGrid />
        <XAxis type="number" dataKey="load" />
        <YAxis />
        <Tooltip isAnimationActive={false} />
        <Line data={NO_DATA} dataKey="value" isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
