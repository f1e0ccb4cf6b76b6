/**
 * The loaded deployment configurations: rename, hide, remove, GPUs per instance, hardware profile.
 */
import { useId } from 'react';
import type { ResolvedSeries } from '../../core/analysis/series.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { selectAllSeries } from '../../store/selectors.ts';
import { selectSeriesColors } from '../common/palette.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function SeriesList() {
  const series = useAppStore(selectAllSeries);
  const origin = useAppStore((s) => s.origin);
  if (series.length === 0) return <p className="empty">No benchmark loaded yet. Drop a GenAI-Perf sweep above, or open the demo.</p>;
  return (
    <div className="series-list">
      {origin === 'demo' ? <p className="badge badge--demo">Demo data: one real GenAI-Perf sweep and two synthetic demo configurations</p> : null}
      <ul>
        {series.map((s) => (
          <SeriesRow key={s.key} series={s} />
        ))}
      </ul>
    </div>
  );
}

function SeriesRow({ series }: { series: ResolvedSeries }) {
  const colors = useAppStore(selectSeriesColors);
  const hardware = useAppStore((s) => s.settings.hardware);
  const { setSeriesSettings, removeSeries } = useActions();
  const id = useId();
  const duplicates = series.points.some((p) => p.notes.some((n) => n.startsWith('Duplicate load level')));
  return (
    <li className={`series-row${series.hidden ? ' series-row--hidden' : ''}`}>
      <span className="swatch" style={{ background: colors.get(series.key) }} aria-hidden="true" />
      <div className="series-row__main">
        <label htmlFor={`${id}-name`} className="visually-hidden">
          Series name
        </label>
        <input id={`${id}-name`} className="series-row__name" value={series.name} onChange={(e) => setSeriesSettings(series.key, { name: e.target.value || series.points[0]?.seriesName || series.key })} />
        <span className="series-row__meta">
          {series.points.length} load level{series.points.length === 1 ? '' : 's'} · {series.sources.length} file{series.sources.length === 1 ? '' : 's'}
          {duplicates ? ' · duplicate load levels kept apart' : ''}
        </span>
        <div className="series-row__controls">
          <NumberField label="GPUs per instance" value={series.gpusPerInstance} rule={RULES.gpusPerInstance} step={1} onChange={(v) => setSeriesSettings(series.key, { gpusPerInstance: v })} />
          <div className="field">
            <label htmlFor={`${id}-hw`}>Hardware</label>
            <select id={`${id}-hw`} value={series.hardware.id} onChange={(e) => setSeriesSettings(series.key, { hardware: e.target.value })}>
              {hardware.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={!series.hidden} onChange={(e) => setSeriesSettings(series.key, { hidden: !e.target.checked })} /> Show
          </label>
          <button type="button" className="link danger" onClick={() => removeSeries(series.key)} aria-label={`Remove ${series.name}`}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}
