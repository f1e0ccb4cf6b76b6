/**
 * The app's state: only what the user gave (loaded runs, load errors, the scenario, a drag draft) and the
 * actions that change it. Everything shown is derived in `selectors.ts` by core functions (DESIGN.md §1).
 */
import { createStore } from 'zustand/vanilla';
import type { FileError, LoadPoint } from '../core/model/benchmark.ts';
import type { ApiReference, ChartView, Demand, HardwareProfile, Scenario, SeriesSettings, SlaConstraint } from '../core/model/scenario.ts';
import type { ParsedRun } from '../core/parsers/types.ts';
import { buildLoadPoints } from '../core/parsers/ingest.ts';
import { defaultScenario } from '../core/scenario/defaults.ts';

/** Where the loaded data came from, shown beside the series list. */
export type DataOrigin = 'empty' | 'demo' | 'files';

export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/** The scenario without embedded points: the points live in `runs`/`embeddedPoints`. */
export type Settings = Omit<Scenario, 'points'>;

export interface AppState {
  /** Runs parsed from files, merged into points by a selector (so a CSV dropped after its JSON still merges). */
  runs: ParsedRun[];
  /** Points that arrived already normalised (demo, scenario files). */
  embeddedPoints: LoadPoint[];
  /** Files that could not be used, newest last. */
  loadErrors: FileError[];
  /** Companion files recognised and not used. */
  skipped: FileError[];
  loading: LoadProgress | null;
  origin: DataOrigin;
  settings: Settings;
  /** While an SLA line is dragged: the previewed bound. Never persisted; committed on release. */
  slaDraft: { index: number; bound: number } | null;
}

export interface AppActions {
  addLoaded(result: { runs: ParsedRun[]; points?: LoadPoint[]; errors: FileError[]; skipped: FileError[] }, origin: DataOrigin): void;
  setLoading(progress: LoadProgress | null): void;
  dismissLoadErrors(): void;
  clearData(): void;
  removeSeries(seriesKey: string): void;

  previewSla(index: number, bound: number): void;
  cancelSlaPreview(): void;
  setSla(index: number, constraint: SlaConstraint): void;
  addSla(constraint: SlaConstraint): void;
  removeSla(index: number): void;

  setDemand(patch: Partial<Demand>): void;
  setHardware(id: string, patch: Partial<HardwareProfile>): void;
  addHardware(profile: HardwareProfile): void;
  removeHardware(id: string): void;
  setApiReference(patch: Partial<ApiReference>): void;
  setSeriesSettings(seriesKey: string, patch: Partial<Omit<SeriesSettings, 'match'>>): void;
  setView(patch: Partial<ChartView>): void;
  setUptime(uptime: number): void;
  setInterpolate(interpolate: boolean): void;
  replaceSettings(settings: Settings): void;
}

export type AppStore = AppState & AppActions;

export function initialState(): AppState {
  const { points: _points, ...settings } = defaultScenario();
  return { runs: [], embeddedPoints: [], loadErrors: [], skipped: [], loading: null, origin: 'empty', settings, slaDraft: null };
}

export function createAppStore(initial: Partial<AppState> = {}) {
  return createStore<AppStore>()((set, get) => {
    const updateSettings = (update: (s: Settings) => Settings) => set((state) => ({ settings: update(state.settings) }));
    return {
      ...initialState(),
      ...initial,

      addLoaded(result, origin) {
        set((state) => {
          // The first usable real files replace the demo (it is there to be replaced); errors alone replace nothing.
          const bringsData = result.runs.length + (result.points?.length ?? 0) > 0;
          const replaceDemo = state.origin === 'demo' && origin === 'files' && bringsData;
          const keep = replaceDemo ? { runs: [], embeddedPoints: [] } : { runs: state.runs, embeddedPoints: state.embeddedPoints };
          return {
            runs: [...keep.runs, ...result.runs],
            embeddedPoints: [...keep.embeddedPoints, ...(result.points ?? [])],
            loadErrors: [...state.loadErrors, ...result.errors],
            skipped: [...state.skipped, ...result.skipped],
            origin: bringsData ? (replaceDemo || state.origin !== 'demo' ? origin : state.origin) : state.origin,
          };
        });
      },
      setLoading(progress) {
        set({ loading: progress });
      },
      dismissLoadErrors() {
        set({ loadErrors: [], skipped: [] });
      },
      clearData() {
        set({ runs: [], embeddedPoints: [], loadErrors: [], skipped: [], origin: 'empty' });
      },
      removeSeries(seriesKey) {
        set((state) => {
          // A point's id is its run path: drop the runs whose points make up this series.
          const runPaths = new Set(buildLoadPoints(state.runs).points.filter((p) => p.seriesKey === seriesKey).map((p) => p.id));
          return {
            runs: state.runs.filter((r) => !runPaths.has(r.runPath)),
            embeddedPoints: state.embeddedPoints.filter((p) => p.seriesKey !== seriesKey),
          };
        });
      },

      previewSla(index, bound) {
        if (!(bound > 0) || !Number.isFinite(bound)) return;
        set({ slaDraft: { index, bound } });
      },
      cancelSlaPreview() {
        set({ slaDraft: null });
      },
      setSla(index, constraint) {
        updateSettings((s) => ({ ...s, sla: s.sla.map((c, i) => (i === index ? constraint : c)) }));
        set({ slaDraft: null });
      },
      addSla(constraint) {
        updateSettings((s) => ({ ...s, sla: [...s.sla, constraint] }));
      },
      removeSla(index) {
        updateSettings((s) => ({ ...s, sla: s.sla.filter((_, i) => i !== index) }));
        if (get().slaDraft?.index === index) set({ slaDraft: null });
      },

      setDemand(patch) {
        updateSettings((s) => ({ ...s, demand: { ...s.demand, ...patch } }));
      },
      setHardware(id, patch) {
        updateSettings((s) => ({ ...s, hardware: s.hardware.map((h) => (h.id === id ? { ...h, ...patch } : h)) }));
      },
      addHardware(profile) {
        updateSettings((s) => ({ ...s, hardware: [...s.hardware, profile] }));
      },
      removeHardware(id) {
        updateSettings((s) => {
          if (s.hardware.length <= 1) return s;
          const hardware = s.hardware.filter((h) => h.id !== id);
          const fallback = hardware[0]?.id ?? s.defaults.hardware;
          return {
            ...s,
            hardware,
            defaults: s.defaults.hardware === id ? { ...s.defaults, hardware: fallback } : s.defaults,
            series: s.series.map((entry) => (entry.hardware === id ? { ...entry, hardware: fallback } : entry)),
          };
        });
      },
      setApiReference(patch) {
        updateSettings((s) => ({ ...s, apiReference: { ...s.apiReference, ...patch } }));
      },
      setSeriesSettings(seriesKey, patch) {
        updateSettings((s) => {
          // The UI addresses a series by its key; an entry matching exactly that key is its own settings.
          const index = s.series.findIndex((entry) => entry.match === seriesKey);
          const series = index >= 0 ? s.series.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) : [{ match: seriesKey, ...patch }, ...s.series];
          return { ...s, series };
        });
      },
      setView(patch) {
        updateSettings((s) => ({ ...s, view: { ...s.view, ...patch } }));
      },
      setUptime(uptime) {
        updateSettings((s) => ({ ...s, uptime }));
      },
      setInterpolate(interpolate) {
        updateSettings((s) => ({ ...s, interpolate }));
      },
      replaceSettings(settings) {
        set({ settings, slaDraft: null });
      },
    };
  });
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
