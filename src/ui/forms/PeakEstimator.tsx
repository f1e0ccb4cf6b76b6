/**
 * When only averages are known: estimate the peak requests/s from an average rate (a Poisson percentile) or
 * from a user count (docs/method.md §Peak estimation). "Use" sets the demand in requests/s and the
 * average-to-peak ratio.
 */
import { useState } from 'react';
import { formatNumber } from '../../core/format/numbers.ts';
import { RULES } from '../../core/scenario/rules.ts';
import type { EstimatedDemand } from '../../core/sizing/peakEstimate.ts';
import {
  PEAK_ESTIMATE_DEFAULTS,
  PEAK_PERCENTILES,
  demandFromAverage,
  demandFromUsers,
  peakFromUsers,
  poissonQuantile,
} from '../../core/sizing/peakEstimate.ts';
import { useActions } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function PeakEstimator() {
  const { setDemand } = useActions();
  const start = PEAK_ESTIMATE_DEFAULTS;
  const [average, setAverage] = useState<number>(start.averageRequestsPerSecond);
  const [percentile, setPercentile] = useState<number>(start.percentile);
  const [users, setUsers] = useState<number>(start.users);
  const [perHour, setPerHour] = useState<number>(start.requestsPerUserPerHour);
  const [factor, setFactor] = useState<number>(start.peakToAverage);
  const poissonPeak = poissonQuantile(average, percentile);
  const usersPeak = peakFromUsers(users, perHour, factor);
  const use = (estimate: EstimatedDemand) => setDemand({ unit: 'requestsPerSecond', ...estimate });

  return (
    <details className="peak-estimator">
      <summary>Estimate the peak from averages</summary>
      <div className="form-grid">
        <NumberField label="Average requests/s" value={average} rule={RULES.peak} onChange={setAverage} />
        <div className="field">
          <label htmlFor="peak-percentile">Percentile</label>
          <select id="peak-percentile" value={percentile} onChange={(e) => setPercentile(Number(e.target.value))}>
            {PEAK_PERCENTILES.map((p) => (
              <option key={p} value={p}>
                p{formatNumber(p * 100, 1)}
              </option>
            ))}
          </select>
        </div>
        <p className="peak-estimator__result">
          Poisson p{formatNumber(percentile * 100, 1)}: <strong>{formatNumber(poissonPeak)} requests/s</strong>{' '}
          <button type="button" onClick={() => use(demandFromAverage(average, percentile))}>
            Use as peak
          </button>
        </p>
      </div>
      <div className="form-grid">
        <NumberField label="Users" value={users} rule={RULES.peak} onChange={setUsers} />
        <NumberField label="Requests per user per hour" value={perHour} rule={RULES.peak} onChange={setPerHour} />
        <NumberField label="Peak ÷ average" value={factor} rule={{ min: 1 }} onChange={setFactor} />
        <p className="peak-estimator__result">
          Peak: <strong>{formatNumber(usersPeak)} requests/s</strong>{' '}
          <button type="button" onClick={() => use(demandFromUsers(users, perHour, factor))}>
            Use as peak
          </button>
        </p>
      </div>
    </details>
  );
}
