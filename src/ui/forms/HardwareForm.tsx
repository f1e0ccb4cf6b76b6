/**
 * Server types and their prices. "Add server type" starts from a named, dated example (presets.ts) or from a
 * blank one; every preset's figures are examples with their sources, never quotes.
 */
import { useId, useState } from 'react';
import {
  DEFAULT_CLOUD_USD_PER_GPU_HOUR,
  DEFAULT_POWER,
  HARDWARE_PRESETS,
  blankProfile,
  profileFromPreset,
} from '../../core/hardware/presets.ts';
import type { HardwarePreset } from '../../core/hardware/presets.ts';
import type { HardwareProfile, LicenceBasis } from '../../core/model/scenario.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { formatMoney } from '../../core/format/numbers.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

export function HardwareForms() {
  const hardware = useAppStore((s) => s.settings.hardware);
  return (
    <section className="panel" aria-labelledby="hw-title">
      <h2 id="hw-title">Hardware and prices</h2>
      <p className="panel__hint">Example prices, not quotes: replace them with yours.</p>
      <CurrencySelect />
      {hardware.map((h) => (
        <HardwareForm key={h.id} profile={h} removable={hardware.length > 1} />
      ))}
      <AddServerType />
    </section>
  );
}

/** Adds a server type from a preset (its sources shown before adding) or blank. */
function AddServerType() {
  const hardware = useAppStore((s) => s.settings.hardware);
  const currency = useAppStore((s) => s.settings.currency);
  const { addHardware } = useActions();
  const [choice, setChoice] = useState<string>(HARDWARE_PRESETS[0]?.id ?? 'blank');
  const id = useId();
  const preset = HARDWARE_PRESETS.find((p) => p.id === choice);
  const add = () => {
    const taken = new Set(hardware.map((h) => h.id));
    addHardware(preset ? profileFromPreset(preset, taken) : blankProfile(taken));
  };
  return (
    <div className="add-hardware">
      <div className="field">
        <label htmlFor={id}>New server type from</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {HARDWARE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} (example)
            </option>
          ))}
          <option value="blank">Blank: enter your own figures</option>
        </select>
      </div>
      {preset ? <PresetSummary preset={preset} currency={currency} /> : null}
      <button type="button" onClick={add}>
        Add server type
      </button>
    </div>
  );
}

function PresetSummary({ preset, currency }: { preset: HardwarePreset; currency: string }) {
  const { price, power, cloud } = preset.sources;
  const source = (label: string, s: { note: string; url: string; date: string }) => (
    <li>
      {label}: {s.note} —{' '}
      <a href={s.url} target="_blank" rel="noreferrer noopener">
        source
      </a>
      , {s.date}
    </li>
  );
  return (
    <div className="preset-summary" data-testid="preset-summary">
      <p>
        Example: {preset.gpusPerServer} GPUs per server, {formatMoney(preset.serverPriceUsd, currency)} per server,{' '}
        {preset.serverKw} kW,{' '}
        {preset.cloudUsdPerGpuHour === null
          ? 'no cloud price'
          : `${formatMoney(preset.cloudUsdPerGpuHour, currency)} per GPU-hour in the cloud`}
        .{currency === 'USD' ? '' : ` (US dollar figures, shown in ${currency} without conversion.)`}
      </p>
      <ul>
        {source('Price', price)}
        {source('Power', power)}
        {source('Cloud', cloud)}
      </ul>
    </div>
  );
}

const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'JPY',
  'CNY',
  'INR',
  'KRW',
  'CAD',
  'AUD',
  'SGD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'BRL',
] as const;

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
        <input
          aria-label="Server type name"
          className="hardware__name"
          value={profile.name}
          onChange={(e) => set({ name: e.target.value || profile.id })}
        />
      </legend>
      <div className="form-grid">
        <NumberField
          label="Server price"
          context={profile.name}
          grouping
          unit={currency}
          value={profile.serverPriceUsd}
          rule={RULES.money}
          onChange={(serverPriceUsd) => set({ serverPriceUsd })}
        />
        <NumberField
          label="GPUs per server"
          context={profile.name}
          value={profile.gpusPerServer}
          step={1}
          rule={RULES.gpusPerServer}
          onChange={(gpusPerServer) => set({ gpusPerServer })}
        />
        <NumberField
          label="Depreciation"
          context={profile.name}
          unit="years"
          value={profile.depreciationYears}
          rule={RULES.depreciationYears}
          onChange={(depreciationYears) => set({ depreciationYears })}
        />
        <NumberField
          label="Software licence"
          context={profile.name}
          grouping
          unit={`${currency}/year`}
          value={profile.licence.usdPerYear}
          rule={RULES.money}
          onChange={(usdPerYear) => set({ licence: { ...profile.licence, usdPerYear } })}
        />
        <div className="field">
          <label htmlFor={`${id}-basis`}>
            Licence counted<span className="visually-hidden"> for {profile.name}</span>
          </label>
          <select
            id={`${id}-basis`}
            value={profile.licence.basis}
            onChange={(e) => set({ licence: { ...profile.licence, basis: e.target.value as LicenceBasis } })}
          >
            <option value="perGpu">per GPU</option>
            <option value="perServer">per server</option>
          </select>
        </div>
        <NumberField
          label="Hosting"
          context={profile.name}
          grouping
          unit={`${currency}/server-year`}
          value={profile.hostingUsdPerServerYear}
          rule={RULES.money}
          onChange={(hostingUsdPerServerYear) => set({ hostingUsdPerServerYear })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={power !== null}
            onChange={(e) => set({ power: e.target.checked ? DEFAULT_POWER : null })}
          />{' '}
          Include power
          <span className="visually-hidden"> for {profile.name}</span>
        </label>
        {power ? (
          <>
            <NumberField
              label="Server draw"
              context={profile.name}
              unit="kW"
              value={power.serverKw}
              rule={RULES.serverKw}
              onChange={(serverKw) => set({ power: { ...power, serverKw } })}
            />
            <NumberField
              label="PUE"
              context={profile.name}
              value={power.pue}
              step={0.05}
              rule={RULES.pue}
              onChange={(pue) => set({ power: { ...power, pue } })}
            />
            <NumberField
              label="Electricity"
              context={profile.name}
              unit={`${currency}/kWh`}
              value={power.usdPerKwh}
              step={0.01}
              rule={RULES.money}
              onChange={(usdPerKwh) => set({ power: { ...power, usdPerKwh } })}
            />
          </>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={profile.cloudUsdPerGpuHour !== null}
            onChange={(e) => set({ cloudUsdPerGpuHour: e.target.checked ? DEFAULT_CLOUD_USD_PER_GPU_HOUR : null })}
          />{' '}
          Compare with cloud rental
          <span className="visually-hidden"> for {profile.name}</span>
        </label>
        {profile.cloudUsdPerGpuHour !== null ? (
          <NumberField
            label="Cloud rental"
            context={profile.name}
            unit={`${currency}/GPU-hour`}
            value={profile.cloudUsdPerGpuHour}
            step={0.1}
            rule={RULES.money}
            onChange={(cloudUsdPerGpuHour) => set({ cloudUsdPerGpuHour })}
          />
        ) : null}
      </div>
      {removable ? (
        <button type="button" className="link danger" onClick={() => removeHardware(profile.id)}>
          Remove server type<span className="visually-hidden"> {profile.name}</span>
        </button>
      ) : null}
    </fieldset>
  );
}
