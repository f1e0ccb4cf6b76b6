/**
 * The app's state: only what the user gave (loaded runs, load errors, the scenario, a drag draft) and the
 * actions that change it. Everything shown is derived in `selectors.ts` by core functions
 * (docs/architecture.md §Store). The store is four slices, each its state and typed actions:
 * - data (`slices/data.ts`): loaded runs and points, files not used, loading progress, column mappings;
 * - settings (`slices/settings.ts`): the scenario being edited and a dragged SLA bound;
 * - history (`slices/history.ts`): undo/redo, and the recording of every undoable edit;
 * - notices (`slices/notices.ts`): messages not about one file.
 */
import { createStore } from 'zustand/vanilla';
import { defaultScenario } from '../core/scenario/defaults.ts';
import { SelectorCaches } from './memo.ts';
import type { DataActions, DataState } from './slices/data.ts';
import { dataSlice, initialData } from './slices/data.ts';
import type { HistoryActions, HistoryState } from './slices/history.ts';
import { emptyHistory, historySlice, sliceContext } from './slices/history.ts';
import type { NoticeActions, NoticesState } from './slices/notices.ts';
import { noticesSlice } from './slices/notices.ts';
import type { SettingsActions, SettingsState } from './slices/settings.ts';
import { settingsSlice } from './slices/settings.ts';

export type { DataOrigin, LoadedBatch, LoadProgress, Reread } from './slices/data.ts';
export { MAX_REFUSED_FILE_CHARS } from './slices/data.ts';
export type { Snapshot } from './slices/history.ts';
export { COALESCE_MS } from './slices/history.ts';
export type { Notice } from './slices/notices.ts';
export type { SeriesSettingsPatch, Settings } from './slices/settings.ts';

export interface AppState extends DataState, SettingsState, HistoryState, NoticesState {
  /**
   * The selectors' memo caches of this store (memo.ts): created with the store, never copied into another; replaced
   * by empty ones when all data is removed (clearData).
   */
  caches: SelectorCaches;
}

export type AppActions = DataActions & SettingsActions & HistoryActions & NoticeActions;

export type AppStore = AppState & AppActions;

export function initialState(): AppState {
  const { points: _points, ...settings } = defaultScenario();
  return {
    ...initialData(),
    settings,
    slaDraft: null,
    history: emptyHistory(),
    notices: [],
    caches: new SelectorCaches(),
  };
}

export interface StoreOptions {
  /** Milliseconds clock for coalescing undo steps (tests pass their own). */
  now?: () => number;
}

export function createAppStore(initial: Partial<AppState> = {}, options: StoreOptions = {}) {
  return createStore<AppStore>()((set, get) => {
    const context = sliceContext(set, get, options.now ?? Date.now);
    return {
      ...initialState(),
      ...initial,
      caches: new SelectorCaches(),
      ...dataSlice(context),
      ...settingsSlice(context),
      ...historySlice(context),
      ...noticesSlice(context),
    };
  });
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
