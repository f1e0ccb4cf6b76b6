/**
 * Lets go of the last chart's data once the page holds none. recharts 3 memoises its selectors at module level, and
 * reselect's `createSelector` keeps each selector's last result (`lastResult`) until it computes again: after
 * "Remove all data" the charts are gone, so nothing computes, and the removed data set's scatter points, ticks and
 * tooltip entries (about 3 MB for 1,024 load levels) stayed reachable. Drawing, out of sight, one chart of each
 * kind the page draws (scatter, line) with no data makes those selectors compute again on nothing.
 * Mounted by the page when it comes to hold no data; it draws for RELEASE_AFTER_MS, then removes itself.
 */
import { useEffect, useState } from 'react';
import { CartesianGrid, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';

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
      <ScatterChart {...SIZE}>
        <CartesianGrid />
        <XAxis type="number" dataKey="x" />
        <YAxis type="number" dataKey="y" />
        <Tooltip isAnimationActive={false} />
        <Scatter data={NO_DATA} line isAnimationActive={false} />
      </ScatterChart>
      <LineChart {...SIZE}>
        <CartesianGrid />
        <XAxis type="number" dataKey="load" />
        <YAxis />
        <Tooltip isAnimationActive={false} />
        <Line data={NO_DATA} dataKey="value" isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
