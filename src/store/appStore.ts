/**
 * The app's state: only what the user gave (loaded runs, load errors, the scenario, a drag draft) and the
 * actions that change it. Everything shown is derived in `selectors.ts` by core functions
 * (docs/architecture.md §Layers).
 */
import { createStore } from 'zustand/vanilla';
import type { ResolvedSeries } from '../core/analysis/series.ts';
import type { FileError, LoadPoint } from '../core/model/benchmark.ts';
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
} from '../core/model/scenario.ts';
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import { withMapping } from '../core/parsers/mapped/mapping.ts';
import type { InputFile, ParsedRun } from '../core/parsers/types.ts';
import { adaptToReportedStats } from '../core/analysis/reportedStats.ts';
import { buildLoadPoints, separateSamePathRuns } from '../core/parsers/buildPoints.ts';
import { defaultScenario } from '../core/scenario/defaults.ts';
import { SCENARIO_LIMITS } from '../core/scenario/validateScenario.ts';
import type { Conversion } from '../core/sizing/demandConversion.ts';
import { convertDemand } from '../core/sizing/demandConversion.ts';
import { SelectorCaches } from './memo.ts';
import { selectAllSeries, selectDemandConversionBasis } from './selectors.ts';

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
  /**
   * Refused files a column mapping could read (unknown layout), their text kept so that saving a mapping re-reads
   * them. Transient: never persisted nor part of undo; bounded (see boundRefused); cleared with the messages.
   */
  refused: InputFile[];
  loading: LoadProgress | null;
  origin: DataOrigin;
  settings: Settings;
  /** While an SLA line is dragged: the previewed bound. Never persisted; committed on release. */
  slaDraft: { index: number; bound: number } | null;
  /** Undo/redo: snapshots of the user's data and settings (references, so a step costs nothing). */
  history: { past: Snapshot[]; future: Snapshot[]; lastKey: string | null; lastAt: number };
  /** Messages for the user that are not about one file (a scenario that could not be opened, a link…). */
  notices: Notice[];
  /** The selectors' memo caches of this store (memo.ts): created with the store, never copied into another. */
  caches: SelectorCaches;
}

/** Refused files read again with a new mapping: their paths, and the runs, errors and skipped files that gave. */
export interface Reread {
  files: string[];
  runs: ParsedRun[];
  errors: FileError[];
  skipped: FileError[];
}

/** What one load brings: parsed runs, or already normalised points, and the files that could not be used. */
export interface LoadedBatch {
  runs: ParsedRun[];
  points?: LoadPoint[];
  errors: FileError[];
  skipped: FileError[];
}

/** What undo restores: everything the user chose or loaded. */
export interface Snapshot {
  settings: Settings;
  runs: ParsedRun[];
  embeddedPoints: LoadPoint[];
  origin: DataOrigin;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /**
   * The action the message belongs to ("scenario-file", "share-link"…): a new message of the same topic
   * replaces it, so a retry that works clears the error of the attempt before. Untopical messages stay.
   */
  topic?: string;
}

export interface AppActions {
  addLoaded(result: LoadedBatch, origin: DataOrigin): void;
  setLoading(progress: LoadProgress | null): void;
  /** Keeps the text of refused files a mapping could read (replacing earlier ones of the same path). */
  keepRefused(files: InputFile[]): void;
  /**
   * Adds a column mapping to the scenario (replacing one of the same id; the newest is tried first) with what
   * re-reading the refused files it applies to gave (`store/mappings.ts` parses them), as one undoable step: their
   * runs are loaded, their errors replace the old ones. Returns how many were read and how many refused.
   */
  saveMapping(mapping: ColumnMapping, reread?: Reread): { read: number; refused: number };
  /** Removes a mapping from the scenario; what it already read stays loaded. */
  removeMapping(id: string): void;
  /** Clears the messages about files, and drops runs still waiting for a load level. */
  dismissLoadErrors(): void;
  /** The load level of a run whose file and path did not give it, as the user typed it. */
  setRunLoad(runPath: string, load: { concurrency: number } | { requestRate: number }): void;
  clearData(): void;
  removeSeries(seriesKey: string): void;
  /** Replaces data and settings at once (a scenario file or link, the demo). */
  replaceAll(snapshot: Snapshot): void;

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
  setSeriesSettings(seriesKey: string, patch: { [K in keyof Omit<SeriesSettings, 'match'>]?: SeriesSettings[K] | undefined }): void;
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

  undo(): void;
  redo(): void;
  /** Forgets the history (after start-up hydration, which is not an edit). */
  clearHistory(): void;

  /** Shows a message; with a topic, it replaces the previous message of that topic. */
  notify(kind: Notice['kind'], text: string, topic?: string): void;
  /** Removes the message of a topic (its action was superseded). */
  clearNotice(topic: string): void;
  dismissNotice(id: number): void;
}

export type AppStore = AppState & AppActions;

export function initialState(): AppState {
  const { points: _points, ...settings } = defaultScenario();
  return {
    runs: [],
    embeddedPoints: [],
    loadErrors: [],
    skipped: [],
    refused: [],
    loading: null,
    origin: 'empty',
    settings,
    slaDraft: null,
    history: emptyHistory(),
    notices: [],
    caches: new SelectorCaches(),
  };
}

function emptyHistory(): AppState['history'] {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Edits to the same field within this window are one undo step (typing "700" is one edit, not three). */
export const COALESCE_MS = 1000;
const HISTORY_LIMIT = 100;

export interface StoreOptions {
  /** Milliseconds clock for coalescing undo steps (tests pass their own). */
  now?: () => number;
}

export function createAppStore(initial: Partial<AppState> = {}, options: StoreOptions = {}) {
  const now = options.now ?? Date.now;
  let nextNoticeId = 1;
  return createStore<AppStore>()((set, get) => {
    const snapshot = (state: AppState): Snapshot => ({ settings: state.settings, runs: state.runs, embeddedPoints: state.embeddedPoints, origin: state.origin });

    /**
     * Applies an edit and records the state before it as one undo step. Edits carrying the same `key` within
     * COALESCE_MS of the previous one join its step. Drag frames never come here (previewSla); the release does.
     */
    const edit = (change: (state: AppState) => Partial<AppState> | null, key: string | null = null) => {
      const state = get();
      const patch = change(state);
      if (patch === null) return;
      const t = now();
      const { history } = state;
      const coalesce = key !== null && history.lastKey === key && t - history.lastAt < COALESCE_MS;
      set({
        ...patch,
        history: {
          past: coalesce ? history.past : [...history.past.slice(-(HISTORY_LIMIT - 1)), snapshot(state)],
          future: [],
          lastKey: key,
          lastAt: t,
        },
      });
    };
    const editSettings = (update: (s: Settings) => Settings, key: string | null = null) =>
      edit((state) => {
        const settings = update(state.settings);
        return settings === state.settings ? null : { settings };
      }, key);
    const keysOf = (patch: object) => Object.keys(patch).sort().join(',');
    /** True (and the user told) when a list is full: a scenario holds at most SCENARIO_LIMITS of each. */
    const atLimit = (list: 'sla' | 'hardware', length: number) => {
      if (length < SCENARIO_LIMITS[list]) return false;
      get().notify('error', `${list === 'sla' ? 'SLA constraints' : 'Server types'}: at most ${SCENARIO_LIMITS[list]} can be kept in a scenario, so none was added.`);
      return true;
    };

    return {
      ...initialState(),
      ...initial,
      caches: new SelectorCaches(),

      addLoaded(loaded, origin) {
        const result = withinPointLimit(get(), loaded, origin);
        // Errors and skipped files are reported whatever happens; only usable data is an undoable edit.
        set((state) => ({ loadErrors: [...state.loadErrors, ...result.errors], skipped: [...state.skipped, ...result.skipped] }));
        if (result.runs.length + (result.points?.length ?? 0) === 0) return;
        let statChanges: string[] = [];
        edit((state) => {
          const loaded = loadedPatch(state, result, origin);
          statChanges = loaded.statChanges;
          return loaded.patch;
        });
        for (const change of statChanges) get().notify('info', change);
      },
      keepRefused(files) {
        set((state) => {
          const others = state.refused.filter((f) => !files.some((n) => n.path === f.path));
          return { refused: boundRefused([...others, ...files]) };
        });
      },
      saveMapping(mapping, reread = { files: [], runs: [], errors: [], skipped: [] }) {
        const state = get();
        const mappings = withMapping(state.settings.mappings, mapping);
        const { runs, errors, skipped } = reread;
        const rereadPaths = new Set(reread.files);
        const stillRefused = new Set(errors.map((e) => e.file));
        set({
          loadErrors: [...state.loadErrors.filter((e) => !rereadPaths.has(e.file)), ...errors],
          skipped: [...state.skipped, ...skipped],
          refused: state.refused.filter((file) => !rereadPaths.has(file.path) || stillRefused.has(file.path)),
        });
        let statChanges: string[] = [];
        edit((current) => {
          const settings = { ...current.settings, mappings };
          if (runs.length === 0) return { settings };
          const loaded = loadedPatch({ ...current, settings }, { runs }, 'files');
          statChanges = loaded.statChanges;
          return { settings, ...loaded.patch };
        });
        for (const change of statChanges) get().notify('info', change);
        return { read: rereadPaths.size - stillRefused.size, refused: stillRefused.size };
      },
      removeMapping(id) {
        editSettings((s) => {
          if (!(s.mappings ?? []).some((m) => m.id === id)) return s;
          const { mappings = [], ...rest } = s;
          const left = mappings.filter((m) => m.id !== id);
          return left.length > 0 ? { ...rest, mappings: left } : rest;
        });
      },
      setLoading(progress) {
        set({ loading: progress });
      },
      dismissLoadErrors() {
        const waiting = new Set(buildLoadPoints(get().runs).unresolved.map((u) => u.runPath));
        if (waiting.size > 0) edit((state) => ({ runs: state.runs.filter((r) => !waiting.has(r.runPath)) }));
        set({ loadErrors: [], skipped: [], refused: [] });
      },
      setRunLoad(runPath, load) {
        edit((state) => ({ runs: state.runs.map((r) => (r.runPath === runPath ? { ...r, load, loadGivenByUser: true } : r)) }));
      },
      clearData() {
        // Forgotten, not an undo step: the history would otherwise hold every removed data set alive (megabytes
        // each), and undo could bring back what the user asked to remove.
        if (get().origin === 'empty') return set({ loadErrors: [], skipped: [], refused: [] });
        set({ runs: [], embeddedPoints: [], origin: 'empty', loadErrors: [], skipped: [], refused: [], slaDraft: null, history: emptyHistory() });
        get().notify('info', 'All loaded data was removed. Undo does not bring it back: load the files again to see it.');
      },
      removeSeries(seriesKey) {
        edit((state) => {
          // A point's id is its run path: drop the runs whose points make up this series (and any merged into it).
          const members = new Set(selectAllSeries(state).find((series) => series.key === seriesKey)?.memberKeys ?? [seriesKey]);
          const runPaths = new Set(buildLoadPoints(state.runs).points.filter((p) => members.has(p.seriesKey)).map((p) => p.id));
          // A per-request file that joined its run's summary (ParsedRun.fallbackRunPaths) goes with it.
          const removed = (r: ParsedRun) => runPaths.has(r.runPath) || (r.fallbackRunPaths ?? []).some((p) => runPaths.has(p));
          return {
            runs: state.runs.filter((r) => !removed(r)),
            embeddedPoints: state.embeddedPoints.filter((p) => !members.has(p.seriesKey)),
          };
        });
      },
      replaceAll(next) {
        edit(() => ({ ...next }));
        set({ slaDraft: null });
      },

      previewSla(index, bound) {
        if (!(bound > 0) || !Number.isFinite(bound)) return;
        set({ slaDraft: { index, bound } });
      },
      cancelSlaPreview() {
        set({ slaDraft: null });
      },
      setSla(index, constraint, options = {}) {
        editSettings((s) => ({ ...s, sla: s.sla.map((c, i) => (i === index ? constraint : c)) }), options.coalesce === true ? `sla:${index}` : null);
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
        editSettings((s) => ({ ...s, hardware: s.hardware.map((h) => (h.id === id ? { ...h, ...patch } : h)) }), `hardware:${id}:${keysOf(patch)}`);
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
            ...moved.filter((series) => !s.series.some((entry) => entry.match === series.key)).map((series) => ({ ...ownSettings(series), hardware: fallback.id })),
            ...s.series.map((entry) => (entry.hardware === id ? { ...entry, hardware: fallback.id } : entry)),
          ],
        }));
        if (moved.length > 0) {
          get().notify('info', `${moved.map((series) => series.name).join(', ')} now run${moved.length === 1 ? 's' : ''} on “${fallback.name}” (the removed “${removed.name}” was ${moved.length === 1 ? 'its' : 'their'} server type). Undo brings it back.`, 'hardware-removed');
        }
      },
      setApiReference(patch) {
        editSettings((s) => ({ ...s, apiReference: { ...s.apiReference, ...patch } }), `api:${keysOf(patch)}`);
      },
      setSeriesSettings(seriesKey, patch) {
        const current = selectAllSeries(get()).find((series) => series.key === seriesKey);
        editSettings((s) => {
          // A series' own entry is the one matching exactly its key. A new one starts from what applies to the
          // series now (a demo or scenario entry matched by pattern, or the defaults), so one edit changes one thing.
          const index = s.series.findIndex((entry) => entry.match === seriesKey);
          if (index >= 0) return { ...s, series: s.series.map((entry, i) => (i === index ? withPatch(entry, patch) : entry)) };
          const added = [withPatch(current ? ownSettings(current) : { match: seriesKey }, patch), ...s.series];
          return { ...s, series: added.length > SCENARIO_LIMITS.series ? withoutStaleEntries(added, get()) : added };
        }, `series:${seriesKey}:${keysOf(patch)}`);
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

      undo() {
        const state = get();
        const previous = state.history.past[state.history.past.length - 1];
        if (!previous) return;
        set({
          ...previous,
          slaDraft: null,
          history: { past: state.history.past.slice(0, -1), future: [snapshot(state), ...state.history.future], lastKey: null, lastAt: 0 },
        });
      },
      redo() {
        const state = get();
        const next = state.history.future[0];
        if (!next) return;
        set({
          ...next,
          slaDraft: null,
          history: { past: [...state.history.past, snapshot(state)], future: state.history.future.slice(1), lastKey: null, lastAt: 0 },
        });
      },
      clearHistory() {
        set({ history: emptyHistory() });
      },

      notify(kind, text, topic) {
        const notice: Notice = { id: nextNoticeId++, kind, text, ...(topic === undefined ? {} : { topic }) };
        set((state) => ({ notices: [...state.notices.filter((n) => topic === undefined || n.topic !== topic), notice] }));
      },
      clearNotice(topic) {
        set((state) => {
          const kept = state.notices.filter((n) => n.topic !== topic);
          return kept.length === state.notices.length ? {} : { notices: kept };
        });
      },
      dismissNotice(id) {
        set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
      },
    };
  });
}

/**
 * A series' own settings entry holding what applies to it now (from a pattern entry, the folder name or the
 * defaults), so that editing one field, or moving it to another server type, changes nothing else.
 */
/** The entry with the patch applied; a field patched to undefined is dropped rather than stored as undefined. */
function withPatch(entry: SeriesSettings, patch: Record<string, unknown>): SeriesSettings {
  const next: Record<string, unknown> = { ...entry, ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete next[key];
  return next as unknown as SeriesSettings;
}

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

/**
 * The data after newly parsed runs or points arrive: the first real files replace the demo (it is there to be
 * replaced), and a limit on a statistic none of the files reports moves to one they do (in the same undo step).
 */
function loadedPatch(
  state: AppState,
  result: { runs: ParsedRun[]; points?: LoadPoint[] },
  origin: DataOrigin,
): { patch: Partial<AppState>; statChanges: string[] } {
  const replaceDemo = state.origin === 'demo' && origin === 'files';
  const keep = replaceDemo ? { runs: [], embeddedPoints: [] } : state;
  // Each run gets a path of its own here, so actions that address a run (setRunLoad) reach only it.
  const runs = separateSamePathRuns([...keep.runs, ...keepApart(keep.runs, result.runs)]);
  const embeddedPoints = [...keep.embeddedPoints, ...(result.points ?? [])];
  const points = [...buildLoadPoints(runs).points, ...embeddedPoints];
  const adapted = adaptToReportedStats(state.settings.sla, state.settings.view, points);
  return {
    patch: {
      runs,
      embeddedPoints,
      origin: replaceDemo || state.origin !== 'demo' ? origin : state.origin,
      ...(adapted ? { settings: { ...state.settings, sla: adapted.sla, view: adapted.view } } : {}),
    },
    statChanges: adapted?.changes ?? [],
  };
}

/** Refused files kept for re-reading: each up to MAX_REFUSED_FILE_CHARS, MAX_REFUSED_CHARS in all (newest kept). */
export const MAX_REFUSED_FILE_CHARS = 5 * 2 ** 20;
const MAX_REFUSED_CHARS = 20 * 2 ** 20;
const MAX_REFUSED_FILES = 100;

function boundRefused(files: InputFile[]): InputFile[] {
  const kept: InputFile[] = [];
  let chars = 0;
  for (const file of files.filter((f) => f.text.length <= MAX_REFUSED_FILE_CHARS).reverse()) {
    if (kept.length >= MAX_REFUSED_FILES || chars + file.text.length > MAX_REFUSED_CHARS) break;
    kept.unshift(file);
    chars += file.text.length;
  }
  return kept;
}

/**
 * Files dropped now whose paths repeat ones already loaded (a second `artifacts/` folder) are a different
 * configuration, not more of the same runs: the batch gets its own prefix ("load 2/…") so it forms its own
 * series instead of merging into, or colliding with, the earlier one.
 */
function keepApart(existing: readonly ParsedRun[], incoming: ParsedRun[]): ParsedRun[] {
  const taken = new Set(existing.map((r) => `${r.runPath}\u0000${r.source.format}`));
  if (!incoming.some((r) => taken.has(`${r.runPath}\u0000${r.source.format}`))) return incoming;
  let n = 2;
  while (existing.some((r) => r.runPath.startsWith(`load ${n}/`))) n++;
  const prefix = `load ${n}/`;
  return incoming.map((r) => ({ ...r, runPath: prefix + r.runPath, ...(r.familyPath !== undefined ? { familyPath: prefix + r.familyPath } : {}) }));
}

/**
 * A loaded batch cut to what the scenario limit of points allows (what the page holds it must be able to save and
 * restore); the runs beyond it are reported by file.
 */
function withinPointLimit(state: AppState, loaded: LoadedBatch, origin: DataOrigin): LoadedBatch {
  const replacesDemo = state.origin === 'demo' && origin === 'files';
  const held = replacesDemo ? 0 : state.runs.length + state.embeddedPoints.length;
  const incoming = loaded.runs.length + (loaded.points?.length ?? 0);
  const room = Math.max(0, SCENARIO_LIMITS.points - held);
  if (incoming <= room) return loaded;
  const points = (loaded.points ?? []).slice(0, room);
  const runs = loaded.runs.slice(0, room - points.length);
  const refused = new Set(loaded.runs.slice(runs.length).map((run) => run.source.path));
  const reason = `not loaded: a scenario holds at most ${SCENARIO_LIMITS.points.toLocaleString('en-US')} load levels, and ${held.toLocaleString('en-US')} are loaded; remove some series first`;
  const errors = [...loaded.errors, ...[...refused].map((file) => ({ file, reason }))];
  const droppedPoints = (loaded.points?.length ?? 0) - points.length;
  if (droppedPoints > 0) errors.push({ file: 'scenario', reason: `${droppedPoints} embedded points ${reason}` });
  return { ...loaded, runs, points, errors };
}

/** Series entries of exact keys no longer loaded are dropped, oldest first, to keep the list within its limit. */
function withoutStaleEntries(entries: SeriesSettings[], state: AppState): SeriesSettings[] {
  const loaded = new Set(selectAllSeries(state).flatMap((series) => series.memberKeys));
  const excess = entries.length - SCENARIO_LIMITS.series;
  const drop = new Set<number>();
  for (let i = entries.length - 1; i > 0 && drop.size < excess; i--) if (!loaded.has(entries[i]?.match ?? '')) drop.add(i);
  return entries.filter((_, i) => !drop.has(i));
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
