/** The peak demand to size for, and how much of it is expected on average (docs/scenario.md §demand). */
import { useId } from 'react';
import type { DemandUnit } from '../../core/model/scenario.ts';
import { DEMAND_UNITS } from '../../core/model/scenario.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { InfoTip } from '../help/InfoTip.tsx';
import { PeakEstimator } from './PeakEstimator.tsx';

export const DEMAND_UNIT_LABELS: Record<DemandUnit, string> = {
  requestsPerSecond: 'requests/s',
  concurrentRequests: 'concurrent requests',
  outputTokensPerSecond: 'output tokens/s',
};

const PEAK_HINTS: Record<DemandUnit, string> = {
  requestsPerSecond: 'Requests arriving per second at the busiest time (the estimator below turns an average into a peak).',
  concurrentRequests: 'Requests in flight at peak, not users: not every user has a request open.',
  outputTokensPerSecond: 'Output tokens generated per second across all users at peak.',
};

export function DemandForm() {
  const demand = useAppStore((s) => s.settings.demand);
  const uptime = useAppStore((s) => s.settings.uptime);
  const interpolate = useAppStore((s) => s.settings.interpolate);
  const { setDemand, setUptime, setInterpolate } = useActions();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Peak demand</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-unit`}>Measured in</label>
          <select id={`${id}-unit`} value={demand.unit} onChange={(e) => setDemand({ unit: e.target.value as DemandUnit })}>
            {DEMAND_UNITS.map((u) => (
              <option key={u} value={u}>
                {DEMAND_UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </div>
        <NumberField label="Peak" value={demand.peak} unit={DEMAND_UNIT_LABELS[demand.unit]} rule={RULES.peak} onChange={(peak) => setDemand({ peak })} hint={PEAK_HINTS[demand.unit]} />
        <NumberField label="Headroom" value={demand.headroomPercent} unit="%" rule={RULES.headroomPercent} onChange={(headroomPercent) => setDemand({ headroomPercent })} />
        <NumberField label="Spare instances (N+k)" value={demand.spareInstances} step={1} rule={RULES.spareInstances} onChange={(spareInstances) => setDemand({ spareInstances })} />
        <NumberField
          label="Average ÷ peak traffic"
          value={demand.averageToPeak}
          step={0.05}
          rule={RULES.averageToPeak}
          onChange={(averageToPeak) => setDemand({ averageToPeak })}
          hint="Used for the demand cost: the price of the traffic you actually expect."
        />
        <NumberField label="Uptime" value={uptime} step={0.01} rule={RULES.uptime} onChange={setUptime} hint="Fraction of the year the fleet serves (1 = always)." />
        <label className="checkbox">
          <input type="checkbox" checked={interpolate} onChange={(e) => setInterpolate(e.target.checked)} /> Estimate between measured load levels <InfoTip term="estimate" />
        </label>
      </div>
      <PeakEstimator />
    </section>
  );
}
