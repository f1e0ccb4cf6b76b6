/** A hosted API's list prices: they set the input/output split of the cost and are the API alternative. */
import { RULES } from '../../core/scenario/rules.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function ApiReferenceForm() {
  const api = useAppStore((s) => s.settings.apiReference);
  const currency = useAppStore((s) => s.settings.currency);
  const { setApiReference } = useActions();
  return (
    <section className="panel" aria-labelledby="api-title">
      <h2 id="api-title">API reference prices</h2>
      <p className="panel__hint">Split the cost between input and output tokens in the ratio a hosted API charges them, and compare with paying that API.</p>
      <div className="form-grid">
        <NumberField label="Input tokens" unit={`${currency} per 1M`} value={api.usdPer1MInputTokens} rule={RULES.money} onChange={(usdPer1MInputTokens) => setApiReference({ usdPer1MInputTokens })} />
        <NumberField label="Output tokens" unit={`${currency} per 1M`} value={api.usdPer1MOutputTokens} rule={RULES.money} onChange={(usdPer1MOutputTokens) => setApiReference({ usdPer1MOutputTokens })} />
      </div>
    </section>
  );
}
