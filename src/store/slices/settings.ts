/**
 * The settings slice: the scenario the user edits (SLA, demand, server types and prices, API prices, per-series
 * settings, chart view…) and the draft of a dragged SLA bound.
 */
import type { ResolvedSeries } from '../../core/analysis/series.ts';
import type {
  ApiReference,
  ChartView,
  Demand,
  DemandUnit,
  HardwareProfile,
  RankMetric,
  Scenario,
  SeriesSettings,
  SlaConstraint,
  SlaRule,
} from '../../core/model/scenario.ts';
import { SCENARIO_LIMITS } from '../../core/scenario/validateScenario.ts';
import type { Conversion } from '../../core/sizing/demandConversion.ts';
import { convertDemand } from '../../core/sizing/demandConversion.ts';
import type { AppState } from '../appStore.ts';
import { selectAllSeries, selectDemandConversionBasis } from '../selectors.ts';
import type { SliceContext } from './history.ts';

/** The scenario without embedded points: the points live in `runs`/`embeddedPoints`. */
export type Settings = Omit<Scenario, 'points'>;

export interface SettingsState {
  settings: Settings;
  /** While an SLA line is dragged: the previewed bound. Never persisted; committed on release. */
  slaDraft: { index: number; bound: number } | null;
}

export interface SettingsActions {
  previewSla(index: number, bound: number): void;
  cancelSlaPreview(): void;
  /**
   * Commits a constraint. `coalesce`: join the previous edit of this constraint if it was under a second ago
   * (typing a number, key presses on the line); a drag's release is its own step.
   */
  setSla(index: number, constraint: SlaConstraint, options?: { coalesce?: boolean }): void;
  addSla(constraint: SlaConstraint): void;
  removeSla(index: number): void;
  /** How a load level qualifies: by its statistics, or by its share of good requests (per-request data). */
  setSlaRule(rule: SlaRule): void;

  setDemand(patch: Partial<Demand>): void;
  /**
   * Changes the demand's unit and converts the peak with the workload's figures (demandConversion.ts), so it
   * keeps its meaning; when it cannot be converted the number is kept and the returned reason says why.
   */
  setDemandUnit(unit: DemandUnit): Conversion;
  setHardware(id: string, patch: Partial<HardwareProfile>): void;
  addHardware(profile: HardwareProfile): void;
  removeHardware(id: string): void;
  setApiReference(patch: Partial<ApiReference>): void;
  /** A field set to undefined is removed from the series' own entry (e.g. a typed length cleared). */
  setSeriesSettings(seriesKey: string, patch: SeriesSettingsPatch): void;
  /** Makes one configuration of two series (the same deployment measured in two folders). */
  mergeSeries(seriesKey: string, intoKey: string): void;
  /** Undoes every merge into this series. */
  splitSeries(seriesKey: string): void;
  setView(patch: Partial<ChartView>): void;
  setUptime(uptime: number): void;
  /** The ISO 4217 code amounts are entered and shown in (the numbers themselves are not converted). */
  setCurrency(currency: string): void;
  setInterpolate(interpolate: boolean): void;
  /** Compare every configuration as one workload (true), or only those of the same model and ISL/OSL (false). */
  setComparableWorkloads(comparable: boolean): void;
  setRankBy(metric: RankMetric): void;
  replaceSettings(settings: Settings): void;
}

/** A change to a series' own entry: a field set to undefined is removed. */
export type SeriesSettingsPatch = {
  [K in keyof Omit<SeriesSettings, 'match'>]?: SeriesSettings[K] | undefined;
};

export function settingsSlice({ set, get, editSettings }: SliceContext): SettingsActions {
  const keysOf = (patch: object) => Object.keys(patch).sort().join(',');
  /** True (and the user told) when a list is full: a scenario holds at most SCENARIO_LIMITS of each. */
  const atLimit = (list: 'sla' | 'hardware', length: number) => {
    if (length < SCENARIO_LIMITS[list]) return false;
    const what = list === 'sla' ? 'SLA constraints' : 'Server types';
    get().notify('error', `${what}: at most ${SCENARIO_LIMITS[list]} can be kept in a scenario, so none was added.`);
    return true;
  };

  return {
    previewSla(index, bound) {
      if (!(bound > 0) || !Number.isFinite(bound)) return;
      set({ slaDraft: { index, bound } });
    },
    cancelSlaPreview() {
      set({ slaDraft: null });
    },
    setSla(index, constraint, options = {}) {
      const key = options.coalesce === true ? `sla:${index}` : null;
      editSettings((s) => ({ ...s, sla: s.sla.map((c, i) => (i === index ? constraint : c)) }), key);
      set({ slaDraft: null }); // the drag (if any) is over: its release is this commit
    },
    addSla(constraint) {
      if (atLimit('sla', get().settings.sla.length)) return;
      editSettings((s) => ({ ...s, sla: [...s.sla, constraint] }));
    },
    removeSla(index) {
      editSettings((s) => ({ ...s, sla: s.sla.filter((_, i) => i !== index) }));
      set({ slaDraft: null });
    },
    setSlaRule(rule) {
      editSettings((s) => ({ ...s, slaRule: rule }), 'slaRule');
    },

    setDemand(patch) {
      editSettings((s) => ({ ...s, demand: { ...s.demand, ...patch } }), `demand:${keysOf(patch)}`);
    },
    setDemandUnit(unit) {
      const { demand } = get().settings;
      const conversion = convertDemand(demand.peak, demand.unit, unit, selectDemandConversionBasis(get()));
      get().setDemand(conversion.ok ? { unit, peak: conversion.value } : { unit });
      return conversion;
    },
    setHardware(id, patch) {
      editSettings(
        (s) => ({ ...s, hardware: s.hardware.map((h) => (h.id === id ? { ...h, ...patch } : h)) }),
        `hardware:${id}:${keysOf(patch)}`,
      );
    },
    addHardware(profile) {
      if (atLimit('hardware', get().settings.hardware.length)) return;
      editSettings((s) => ({ ...s, hardware: [...s.hardware, profile] }));
    },
    removeHardware(id) {
      const state = get();
      if (state.settings.hardware.length <= 1) return;
      const removed = state.settings.hardware.find((h) => h.id === id);
      const fallback = state.settings.hardware.find((h) => h.id !== id);
      if (!removed || !fallback) return;
      const moved = selectAllSeries(state).filter((series) => series.hardwareId === id);
      editSettings((s) => ({
        ...s,
        hardware: s.hardware.filter((h) => h.id !== id),
        defaults: s.defaults.hardware === id ? { ...s.defaults, hardware: fallback.id } : s.defaults,
        // Series that ran on the removed type keep their own entry, now on the remaining type.
        series: [
          ...moved
            .filter((series) => !s.series.some((entry) => entry.match === series.key))
            .map((series) => ({ ...ownSettings(series), hardware: fallback.id })),
          ...s.series.map((entry) => (entry.hardware === id ? { ...entry, hardware: fallback.id } : entry)),
        ],
      }));
      if (moved.length > 0) {
        const [names, one] = [moved.map((series) => series.name).join(', '), moved.length === 1];
        const was = `the removed “${removed.name}” was ${one ? 'its' : 'their'} server type`;
        const text = `${names} now run${one ? 's' : ''} on “${fallback.name}” (${was}). Undo brings it back.`;
        get().notify('info', text, 'hardware-removed');
      }
    },
    setApiReference(patch) {
      editSettings((s) => ({ ...s, apiReference: { ...s.apiReference, ...patch } }), `api:${keysOf(patch)}`);
    },
    setSeriesSettings(seriesKey, patch) {
      const current = selectAllSeries(get()).find((series) => series.key === seriesKey);
      editSettings(
        (s) => {
          // A series' own entry is the one matching exactly its key. A new one starts from what applies to the
          // series now (a demo or scenario entry matched by pattern, or the defaults), so one edit changes one thing.
          const index = s.series.findIndex((entry) => entry.match === seriesKey);
          if (index >= 0) {
            return { ...s, series: s.series.map((entry, i) => (i === index ? withPatch(entry, patch) : entry)) };
          }
          const added = [withPatch(current ? ownSettings(current) : { match: seriesKey }, patch), ...s.series];
          return { ...s, series: added.length > SCENARIO_LIMITS.series ? withoutStaleEntries(added, get()) : added };
        },
        `series:${seriesKey}:${keysOf(patch)}`,
      );
    },
    mergeSeries(seriesKey, intoKey) {
      if (seriesKey === intoKey) return;
      get().setSeriesSettings(seriesKey, { mergeInto: intoKey });
    },
    splitSeries(seriesKey) {
      editSettings((s) => {
        if (!s.series.some((entry) => entry.mergeInto === seriesKey)) return s;
        const series = s.series.map((entry) => {
          if (entry.mergeInto !== seriesKey) return entry;
          const { mergeInto: _merged, ...rest } = entry;
          return rest;
        });
        return { ...s, series };
      });
    },
    setView(patch) {
      editSettings((s) => ({ ...s, view: { ...s.view, ...patch } }), `view:${keysOf(patch)}`);
    },
    setUptime(uptime) {
      editSettings((s) => ({ ...s, uptime }), 'uptime');
    },
    setCurrency(currency) {
      editSettings((s) => ({ ...s, currency }));
    },
    setInterpolate(interpolate) {
      editSettings((s) => ({ ...s, interpolate }));
    },
    setComparableWorkloads(comparableWorkloads) {
      editSettings((s) => ({ ...s, comparableWorkloads }));
    },
    setRankBy(rankBy) {
      editSettings((s) => ({ ...s, rankBy }));
    },
    replaceSettings(settings) {
      editSettings(() => settings);
      set({ slaDraft: null });
    },
  };
}

/** The entry with the patch applied; a field patched to undefined is dropped rather than stored as undefined. */
function withPatch(entry: SeriesSettings, patch: Record<string, unknown>): SeriesSettings {
  const next: Record<string, unknown> = { ...entry, ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete next[key];
  return next as unknown as SeriesSettings;
}

/**
 * A series' own settings entry holding what applies to it now (from a pattern entry, the folder name or the
 * defaults), so that editing one field, or moving it to another server type, changes nothing else.
 */
function ownSettings(series: ResolvedSeries): SeriesSettings {
  return {
    match: series.key,
    name: series.name,
    gpusPerInstance: series.gpusPerInstance,
    hardware: series.hardwareId,
    hidden: series.hidden,
    ...(series.typedInputTokens !== undefined ? { inputTokens: series.typedInputTokens } : {}),
    ...(series.typedOutputTokens !== undefined ? { outputTokens: series.typedOutputTokens } : {}),
  };
}

/** Series entries of exact keys no longer loaded are dropped, oldest first, to keep the list within its limit. */
function withoutStaleEntries(entries: SeriesSettings[], state: AppState): SeriesSettings[] {
  const loaded = new Set(selectAllSeries(state).flatMap((series) => series.memberKeys));
  const excess = entries.length - SCENARIO_LIMITS.series;
  const drop = new Set<number>();
  for (let i = entries.length - 1; i > 0 && drop.size < excess; i--) {
    if (!loaded.has(entries[i]?.match ?? '')) drop.add(i);
  }
  return entries.filter((_, i) => !drop.has(i));
}
