/**
 * A hosted API's list prices: they set the input/output split of the cost and are the API alternative. Named,
 * dated example prices (presets.ts) fill both fields at once.
 */
import { useId } from 'react';
import { API_PRESETS, matchingApiPreset } from '../../core/hardware/presets.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function ApiReferenceForm() {
  const api = useAppStore((s) => s.settings.apiReference);
  const currency = useAppStore((s) => s.settings.currency);
  const { setApiReference } = useActions();
  const id = useId();
  const current = matchingApiPreset(api);
  return (
    <section className="panel" aria-labelledby="api-title">
      <h2 id="api-title">API reference prices</h2>
      <p className="panel__hint">
        Split the cost between input and output tokens in the ratio a hosted API charges them, and compare with paying
        that API.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={id}>Example prices</label>
          <select
            id={id}
            value={current?.id ?? ''}
            onChange={(e) => {
              const preset = API_PRESETS.find((p) => p.id === e.target.value);
              if (preset) setApiReference(preset.prices);
            }}
          >
            {current ? null : <option value="">Your own prices</option>}
            {API_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          label="Input tokens"
          unit={`${currency} per 1M`}
          value={api.usdPer1MInputTokens}
          rule={RULES.money}
          onChange={(usdPer1MInputTokens) => setApiReference({ usdPer1MInputTokens })}
        />
        <NumberField
          label="Output tokens"
          unit={`${currency} per 1M`}
          value={api.usdPer1MOutputTokens}
          rule={RULES.money}
          onChange={(usdPer1MOutputTokens) => setApiReference({ usdPer1MOutputTokens })}
        />
      </div>
      {current ? (
        <p className="panel__hint api__source">
          {current.label}: {current.source.note} —{' '}
          <a href={current.source.url} target="_blank" rel="noreferrer noopener">
            source
          </a>
          , {current.source.date}. An example, not a quote.
        </p>
      ) : null}
    </section>
  );
}
