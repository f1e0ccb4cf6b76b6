/**
 * The data slice: what the user loaded (parsed runs, embedded points), the files that could not be used, the
 * loading progress and where the data came from; and the column mappings that read files no parser knows.
 */
import type { FileError, LoadPoint } from '../../core/model/benchmark.ts';
import type { ColumnMapping } from '../../core/parsers/mapped/mapping.ts';
import { withMapping } from '../../core/parsers/mapped/mapping.ts';
import type { InputFile, ParsedRun } from '../../core/parsers/types.ts';
import { adaptToReportedStats } from '../../core/analysis/reportedStats.ts';
import { buildLoadPoints, separateSamePathRuns } from '../../core/parsers/buildPoints.ts';
import { SCENARIO_LIMITS } from '../../core/scenario/validateScenario.ts';
import type { AppState } from '../appStore.ts';
import { SelectorCaches } from '../memo.ts';
import { selectAllSeries, selectPoints, selectUnresolvedRuns } from '../selectors.ts';
import type { SliceContext, Snapshot } from './history.ts';
import { emptyHistory } from './history.ts';

/** Where the loaded data came from, shown beside the series list. */
export type DataOrigin = 'empty' | 'demo' | 'files';

export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface DataState {
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

export interface DataActions {
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
}

export function initialData(): DataState {
  return { runs: [], embeddedPoints: [], loadErrors: [], skipped: [], refused: [], loading: null, origin: 'empty' };
}

export function dataSlice({ set, get, edit, editSettings }: SliceContext): DataActions {
  return {
    addLoaded(loaded, origin) {
      const result = withinPointLimit(get(), loaded, origin);
      // Errors and skipped files are reported whatever happens; only usable data is an undoable edit. A file read
      // again replaces what was said of it before (cancelled, then loaded; refused, then loaded fixed).
      const readAgain = new Set([
        ...result.runs.map((run) => run.source.path),
        ...result.errors.map((e) => e.file),
        ...result.skipped.map((e) => e.file),
      ]);
      set((state) => ({
        loadErrors: [...state.loadErrors.filter((e) => !readAgain.has(e.file)), ...result.errors],
        skipped: [...state.skipped.filter((e) => !readAgain.has(e.file)), ...result.skipped],
      }));
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
      const waiting = new Set(selectUnresolvedRuns(get()).map((u) => u.runPath));
      if (waiting.size > 0) edit((state) => ({ runs: state.runs.filter((r) => !waiting.has(r.runPath)) }));
      set({ loadErrors: [], skipped: [], refused: [] });
    },
    setRunLoad(runPath, load) {
      edit((state) => ({
        runs: state.runs.map((r) => (r.runPath === runPath ? { ...r, load, loadGivenByUser: true } : r)),
      }));
    },
    clearData() {
      // Forgotten, not an undo step: the history would otherwise hold every removed data set alive (megabytes
      // each), and undo could bring back what the user asked to remove.
      if (get().origin === 'empty') return set({ loadErrors: [], skipped: [], refused: [] });
      // Fresh selector caches too: a selector that nothing calls any more (its component is gone with the data)
      // would otherwise hold its last result, computed over the removed data, until the page is closed.
      set({ ...initialData(), slaDraft: null, history: emptyHistory(), caches: new SelectorCaches() });
      get().notify('info', 'All loaded data was removed. Undo does not bring it back: load the files again to see it.');
    },
    removeSeries(seriesKey) {
      edit((state) => {
        // A point's id is its run path: drop the runs whose points make up this series (and any merged into it).
        const series = selectAllSeries(state).find((s) => s.key === seriesKey);
        const members = new Set(series?.memberKeys ?? [seriesKey]);
        const points = buildLoadPoints(state.runs).points;
        const runPaths = new Set(points.filter((p) => members.has(p.seriesKey)).map((p) => p.id));
        // A per-request file that joined its run's summary (ParsedRun.fallbackRunPaths) goes with it.
        const removed = (r: ParsedRun) =>
          runPaths.has(r.runPath) || (r.fallbackRunPaths ?? []).some((p) => runPaths.has(p));
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
  // Through the store's selector: the points built here are the ones the page reads after this edit (same arrays).
  const points = selectPoints({ ...state, runs, embeddedPoints });
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
  return incoming.map((r) => ({
    ...r,
    runPath: prefix + r.runPath,
    ...(r.familyPath !== undefined ? { familyPath: prefix + r.familyPath } : {}),
  }));
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
  const limit = SCENARIO_LIMITS.points.toLocaleString('en-US');
  const inStore = `${held.toLocaleString('en-US')} are loaded`;
  const reason = `not loaded: a scenario holds at most ${limit} load levels, and ${inStore}; remove some series first`;
  const errors = [...loaded.errors, ...[...refused].map((file) => ({ file, reason }))];
  const droppedPoints = (loaded.points?.length ?? 0) - points.length;
  if (droppedPoints > 0) errors.push({ file: 'scenario', reason: `${droppedPoints} embedded points ${reason}` });
  return { ...loaded, runs, points, errors };
}
