/**
 * The peak demand to size for (docs/scenario.md §demand): unit and peak first, the rest one click away. Changing the
 * unit converts the peak with the workload's own figures and says how (demandConversion.ts); the message belongs
 * to that change and goes when the peak is edited or the unit changes again.
 */
import { useId, useState } from 'react';
import type { DemandUnit } from '../../core/model/scenario.ts';
import { DEMAND_UNITS } from '../../core/model/scenario.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { DEMAND_UNIT_NAMES } from '../../core/sizing/demandConversion.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { InfoTip } from '../help/InfoTip.tsx';
import { PeakEstimator } from './PeakEstimator.tsx';

const PEAK_HINTS: Record<DemandUnit, string> = {
  requestsPerSecond:
    'Requests arriving per second at the busiest time (the estimator below turns an average into a peak).',
  concurrentRequests: 'Requests in flight at peak, not users: not every user has a request open.',
  outputTokensPerSecond: 'Output tokens generated per second across all users at peak.',
};

export function DemandForm() {
  const demand = useAppStore((s) => s.settings.demand);
  const uptime = useAppStore((s) => s.settings.uptime);
  const interpolate = useAppStore((s) => s.settings.interpolate);
  const { setDemand, setDemandUnit, setUptime, setInterpolate } = useActions();
  // The message of the last unit change, shown while the demand is still what that change made it (an edit,
  // undo or another change supersedes it).
  const [converted, setConverted] = useState<{ ok: boolean; text: string; unit: DemandUnit; peak: number } | null>(
    null,
  );
  const conversion = converted && converted.unit === demand.unit && converted.peak === demand.peak ? converted : null;
  const id = useId();
  const changeUnit = (unit: DemandUnit) => {
    const from = `${demand.peak} ${DEMAND_UNIT_NAMES[demand.unit]}`;
    const result = setDemandUnit(unit);
    const peak = result.ok ? result.value : demand.peak;
    setConverted(
      result.ok
        ? { ok: true, text: `Converted ${from}: ${result.explanation}`, unit, peak }
        : {
            ok: false,
            text:
              `Not converted: ${result.reason}. ` +
              `The number ${demand.peak} is kept and now means ${DEMAND_UNIT_NAMES[unit]}: check it.`,
            unit,
            peak,
          },
    );
  };
  return (
    <section className="panel demand" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Peak demand</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-unit`}>Measured in</label>
          <select id={`${id}-unit`} value={demand.unit} onChange={(e) => changeUnit(e.target.value as DemandUnit)}>
            {DEMAND_UNITS.map((u) => (
              <option key={u} value={u}>
                {DEMAND_UNIT_NAMES[u]}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          label="Peak"
          value={demand.peak}
          unit={DEMAND_UNIT_NAMES[demand.unit]}
          rule={RULES.peak}
          onChange={(peak) => setDemand({ peak })}
        />
        <NumberField
          label="Headroom"
          value={demand.headroomPercent}
          unit="%"
          rule={RULES.headroomPercent}
          onChange={(headroomPercent) => setDemand({ headroomPercent })}
        />
        <NumberField
          label="Spare instances (N+k)"
          value={demand.spareInstances}
          step={1}
          rule={RULES.spareInstances}
          onChange={(spareInstances) => setDemand({ spareInstances })}
        />
      </div>
      {conversion ? (
        <p className={conversion.ok ? 'demand__conversion' : 'demand__conversion field__error'} role="status">
          {conversion.text}
        </p>
      ) : null}
      <details className="demand__more">
        <summary>Average traffic, uptime, estimates</summary>
        <p className="panel__hint demand__hint">Peak: {PEAK_HINTS[demand.unit]}</p>
        <div className="form-grid">
          <NumberField
            label="Average ÷ peak traffic"
            value={demand.averageToPeak}
            step={0.05}
            rule={RULES.averageToPeak}
            onChange={(averageToPeak) => setDemand({ averageToPeak })}
            hint="Used for the demand cost: the price of the traffic you actually expect."
          />
          <NumberField
            label="Uptime"
            value={uptime}
            step={0.01}
            rule={RULES.uptime}
            onChange={setUptime}
            hint="Fraction of the year the fleet serves (1 = always)."
          />
          <label className="checkbox">
            <input type="checkbox" checked={interpolate} onChange={(e) => setInterpolate(e.target.checked)} /> Estimate
            between measured load levels <InfoTip term="estimate" />
          </label>
        </div>
        <PeakEstimator />
      </details>
    </section>
  );
}
