/** Server types and their prices. The presets are examples to edit, not quotes. */
import { useId } from 'react';
import type { HardwareProfile, LicenceBasis } from '../../core/model/scenario.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { EXAMPLE_HARDWARE } from '../../core/scenario/defaults.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function HardwareForms() {
  const hardware = useAppStore((s) => s.settings.hardware);
  const { addHardware } = useActions();
  const addProfile = () => {
    let n = hardware.length + 1;
    while (hardware.some((h) => h.id === `server-${n}`)) n++;
    addHardware({ ...structuredClone(EXAMPLE_HARDWARE), id: `server-${n}`, name: `Server type ${n} (example prices)` });
  };
  return (
    <section className="panel" aria-labelledby="hw-title">
      <h2 id="hw-title">Hardware and prices</h2>
      <p className="panel__hint">Example prices from NVIDIA's published TCO walkthrough; replace them with your quotes.</p>
      <CurrencySelect />
      {hardware.map((h) => (
        <HardwareForm key={h.id} profile={h} removable={hardware.length > 1} />
      ))}
      <button type="button" onClick={addProfile}>
        Add server type
      </button>
    </section>
  );
}

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'INR', 'KRW', 'CAD', 'AUD', 'SGD', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL'] as const;

/** The currency every amount is entered and shown in. Changing it converts nothing: it relabels. */
function CurrencySelect() {
  const currency = useAppStore((s) => s.settings.currency);
  const { setCurrency } = useActions();
  const options = (CURRENCIES as readonly string[]).includes(currency) ? CURRENCIES : [currency, ...CURRENCIES];
  return (
    <div className="field currency-field">
      <label htmlFor="currency">Currency of all amounts (no conversion)</label>
      <select id="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}

function HardwareForm({ profile, removable }: { profile: HardwareProfile; removable: boolean }) {
  const { setHardware, removeHardware } = useActions();
  const currency = useAppStore((s) => s.settings.currency);
  const id = useId();
  const set = (patch: Partial<HardwareProfile>) => setHardware(profile.id, patch);
  const power = profile.power;
  return (
    <fieldset className="hardware">
      <legend>
        <input aria-label="Server type name" className="hardware__name" value={profile.name} onChange={(e) => set({ name: e.target.value || profile.id })} />
      </legend>
      <div className="form-grid">
        <NumberField label="Server price" unit={currency} value={profile.serverPriceUsd} rule={RULES.money} onChange={(serverPriceUsd) => set({ serverPriceUsd })} />
        <NumberField label="GPUs per server" value={profile.gpusPerServer} step={1} rule={RULES.gpusPerServer} onChange={(gpusPerServer) => set({ gpusPerServer })} />
        <NumberField label="Depreciation" unit="years" value={profile.depreciationYears} rule={RULES.depreciationYears} onChange={(depreciationYears) => set({ depreciationYears })} />
        <NumberField label="Software licence" unit={`${currency}/year`} value={profile.licence.usdPerYear} rule={RULES.money} onChange={(usdPerYear) => set({ licence: { ...profile.licence, usdPerYear } })} />
        <div className="field">
          <label htmlFor={`${id}-basis`}>Licence counted</label>
          <select id={`${id}-basis`} value={profile.licence.basis} onChange={(e) => set({ licence: { ...profile.licence, basis: e.target.value as LicenceBasis } })}>
            <option value="perGpu">per GPU</option>
            <option value="perServer">per server</option>
          </select>
        </div>
        <NumberField label="Hosting" unit={`${currency}/server-year`} value={profile.hostingUsdPerServerYear} rule={RULES.money} onChange={(hostingUsdPerServerYear) => set({ hostingUsdPerServerYear })} />
        <label className="checkbox">
          <input type="checkbox" checked={power !== null} onChange={(e) => set({ power: e.target.checked ? { serverKw: 10.2, pue: 1.3, usdPerKwh: 0.1 } : null })} /> Include power
        </label>
        {power ? (
          <>
            <NumberField label="Server draw" unit="kW" value={power.serverKw} rule={RULES.serverKw} onChange={(serverKw) => set({ power: { ...power, serverKw } })} />
            <NumberField label="PUE" value={power.pue} step={0.05} rule={RULES.pue} onChange={(pue) => set({ power: { ...power, pue } })} />
            <NumberField label="Electricity" unit={`${currency}/kWh`} value={power.usdPerKwh} step={0.01} rule={RULES.money} onChange={(usdPerKwh) => set({ power: { ...power, usdPerKwh } })} />
          </>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" checked={profile.cloudUsdPerGpuHour !== null} onChange={(e) => set({ cloudUsdPerGpuHour: e.target.checked ? 2.5 : null })} /> Compare with cloud rental
        </label>
        {profile.cloudUsdPerGpuHour !== null ? (
          <NumberField label="Cloud rental" unit={`${currency}/GPU-hour`} value={profile.cloudUsdPerGpuHour} step={0.1} rule={RULES.money} onChange={(cloudUsdPerGpuHour) => set({ cloudUsdPerGpuHour })} />
        ) : null}
      </div>
      {removable ? (
        <button type="button" className="link danger" onClick={() => removeHardware(profile.id)}>
          Remove server type
        </button>
      ) : null}
    </fieldset>
  );
}
