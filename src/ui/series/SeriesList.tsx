/**
 * The loaded deployment configurations: rename, hide, remove, GPUs per instance, hardware profile.
 */
import { useId, useState } from 'react';
import type { ResolvedSeries } from '../../core/analysis/series.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { selectAllSeries } from '../../store/selectors.ts';
import { selectSeriesColors } from '../common/palette.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { TypedLengths } from './TypedLengths.tsx';

export function SeriesList() {
  const series = useAppStore(selectAllSeries);
  const origin = useAppStore((s) => s.origin);
  if (series.length === 0)
    return <p className="empty">No benchmark loaded yet. Drop a GenAI-Perf sweep above, or open the demo.</p>;
  return (
    <div className="series-list">
      {origin === 'demo' ? (
        <p className="badge badge--demo">Demo data: one real GenAI-Perf sweep and two synthetic demo configurations</p>
      ) : null}
      <ul>
        {series.map((s) => (
          <SeriesRow key={s.key} series={s} all={series} />
        ))}
      </ul>
    </div>
  );
}

/**
 * For actions that remove the focused control's row (merge, split, remove): afterwards the keyboard focus
 * goes to the list's heading instead of falling back to the page.
 */
function thenFocusListHeading(action: () => void): () => void {
  return () => {
    action();
    document.getElementById('series-title')?.focus();
  };
}

function SeriesRow({ series, all }: { series: ResolvedSeries; all: readonly ResolvedSeries[] }) {
  const colors = useAppStore(selectSeriesColors);
  const hardware = useAppStore((s) => s.settings.hardware);
  const { setSeriesSettings, removeSeries, mergeSeries, splitSeries } = useActions();
  const others = all.filter((o) => o.key !== series.key);
  const [mergeTarget, setMergeTarget] = useState('');
  // Loads that two merged folders both measured: the curve would double back on itself.
  const sharedLoads =
    series.memberKeys.length > 1
      ? [...new Set(series.points.map((p) => p.load.concurrency ?? p.load.requestRate))].length < series.points.length
      : false;
  const id = useId();
  const duplicates = series.points.some((p) => p.duplicateLoadRuns !== undefined);
  return (
    <li className={`series-row${series.hidden ? ' series-row--hidden' : ''}`}>
      <span className="swatch" style={{ background: colors.get(series.key) }} aria-hidden="true" />
      <div className="series-row__main">
        <label htmlFor={`${id}-name`} className="visually-hidden">
          Series name
        </label>
        <NameInput id={`${id}-name`} value={series.name} onChange={(name) => setSeriesSettings(series.key, { name })} />
        <span className="series-row__meta">
          {series.points.length} load level{series.points.length === 1 ? '' : 's'} · {series.sources.length} file
          {series.sources.length === 1 ? '' : 's'}
          {duplicates ? ' · duplicate load levels kept apart' : ''}
          {sharedLoads ? ' · merged folders share load levels: are they really one configuration?' : ''}
        </span>
        <div className="series-row__controls">
          <NumberField
            label="GPUs per instance"
            context={series.name}
            value={series.gpusPerInstance}
            rule={RULES.gpusPerInstance}
            step={1}
            onChange={(v) => setSeriesSettings(series.key, { gpusPerInstance: v })}
          />
          <div className="field">
            <label htmlFor={`${id}-hw`}>
              Hardware<span className="visually-hidden"> for {series.name}</span>
            </label>
            <select
              id={`${id}-hw`}
              value={series.hardwareId}
              onChange={(e) => setSeriesSettings(series.key, { hardware: e.target.value })}
            >
              {hardware.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
          <TypedLengths series={series} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={!series.hidden}
              onChange={(e) => setSeriesSettings(series.key, { hidden: !e.target.checked })}
            />{' '}
            Show
            <span className="visually-hidden"> {series.name}</span>
          </label>
          {others.length > 0 && series.memberKeys.length === 1 ? (
            // A select plus a button: browsing the options with the arrow keys must not merge anything yet.
            <div className="field">
              <label htmlFor={`${id}-merge`}>
                Same configuration as<span className="visually-hidden"> {series.name}</span>
              </label>
              <span className="row row--tight">
                <select id={`${id}-merge`} value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)}>
                  <option value="">—</option>
                  {others.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={mergeTarget === ''}
                  onClick={thenFocusListHeading(() => mergeSeries(series.key, mergeTarget))}
                  aria-label={`Merge ${series.name} into the chosen configuration`}
                >
                  Merge
                </button>
              </span>
            </div>
          ) : null}
          {series.memberKeys.length > 1 ? (
            <button type="button" className="link" onClick={thenFocusListHeading(() => splitSeries(series.key))}>
              Split ({series.memberKeys.length} merged)<span className="visually-hidden"> {series.name}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="link danger"
            onClick={thenFocusListHeading(() => removeSeries(series.key))}
            aria-label={`Remove ${series.name}`}
          >
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}

/** A name field that may be emptied while typing; a name left empty goes back to what it was. */
function NameInput({ id, value, onChange }: { id: string; value: string; onChange: (name: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      className="series-row__name"
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim() !== '') onChange(e.target.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
