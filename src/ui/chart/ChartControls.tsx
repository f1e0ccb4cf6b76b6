/** Axis choices (docs/method.md §Chart): x metric and statistic, linear or log; y per instance or per GPU. */
import { useId } from 'react';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { LOG_AXIS_SPAN, Y_AXIS_INFO } from '../../core/analysis/projection.ts';
import type { SlaMetric, YAxis } from '../../core/model/scenario.ts';
import { SLA_METRICS, Y_AXES } from '../../core/model/scenario.ts';
import { selectAvailableStats, selectView } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { StatSelect } from '../common/StatSelect.tsx';
import { InfoTip } from '../help/InfoTip.tsx';

const AUTO_LOG_HINT =
  `Chosen from the data: log when the values span more than ${LOG_AXIS_SPAN}×. ` + 'Tick or untick to decide yourself.';

export function ChartControls() {
  const view = useAppStore(selectView);
  const auto = useAppStore((s) => s.settings.view.logXAuto === true);
  const available = useAppStore(selectAvailableStats);
  const { setView } = useActions();
  const id = useId();
  return (
    <div className="chart-controls">
      <div className="field">
        <label htmlFor={`${id}-x`}>
          X axis <InfoTip term={view.x.metric} />
        </label>
        <select
          id={`${id}-x`}
          value={view.x.metric}
          onChange={(e) => setView({ x: { ...view.x, metric: e.target.value as SlaMetric } })}
        >
          {SLA_METRICS.map((m) => (
            <option key={m} value={m}>
              {SLA_METRIC_INFO[m].label} ({SLA_METRIC_INFO[m].unit})
            </option>
          ))}
        </select>
      </div>
      <StatSelect
        value={view.x.stat}
        available={available[view.x.metric]}
        onChange={(stat) => setView({ x: { ...view.x, stat } })}
      />
      <label className="checkbox" title={auto ? AUTO_LOG_HINT : undefined}>
        <input
          type="checkbox"
          checked={view.logX}
          onChange={(e) => setView({ logX: e.target.checked, logXAuto: false })}
        />{' '}
        Log x{auto ? ' (auto)' : ''}
      </label>
      <div className="field">
        <label htmlFor={`${id}-y`}>
          Y axis <InfoTip term="perGpu" />
        </label>
        <select id={`${id}-y`} value={view.y} onChange={(e) => setView({ y: e.target.value as YAxis })}>
          {Y_AXES.map((y) => (
            <option key={y} value={y}>
              {Y_AXIS_INFO[y].label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
