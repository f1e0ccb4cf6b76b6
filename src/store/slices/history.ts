/**
 * The history slice: undo/redo over snapshots of what the user gave (data and settings), and the one place edits
 * are recorded (`edit`, `editSettings`), which the data and settings slices use for every undoable change.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { AppState, AppStore } from '../appStore.ts';
import type { DataOrigin } from './data.ts';
import type { Settings } from './settings.ts';

/** What undo restores: everything the user chose or loaded. */
export interface Snapshot {
  settings: Settings;
  runs: AppState['runs'];
  embeddedPoints: AppState['embeddedPoints'];
  origin: DataOrigin;
}

export interface HistoryState {
  /** Undo/redo: snapshots of the user's data and settings (references, so a step costs nothing). */
  history: { past: Snapshot[]; future: Snapshot[]; lastKey: string | null; lastAt: number };
}

export interface HistoryActions {
  undo(): void;
  redo(): void;
  /** Forgets the history (after start-up hydration, which is not an edit). */
  clearHistory(): void;
}

/** Edits to the same field within this window are one undo step (typing "700" is one edit, not three). */
export const COALESCE_MS = 1000;
const HISTORY_LIMIT = 100;

export function emptyHistory(): HistoryState['history'] {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

const snapshot = (state: AppState): Snapshot => ({
  settings: state.settings,
  runs: state.runs,
  embeddedPoints: state.embeddedPoints,
  origin: state.origin,
});

/** What every slice is built with: the store's set/get and the recorder of undoable edits. */
export interface SliceContext {
  set: StoreApi<AppStore>['setState'];
  get: () => AppStore;
  /**
   * Applies an edit and records the state before it as one undo step. Edits carrying the same `key` within
   * COALESCE_MS of the previous one join its step. Drag frames never come here (previewSla); the release does.
   * A change returning null is no edit.
   */
  edit(change: (state: AppState) => Partial<AppState> | null, key?: string | null): void;
  /** An edit of the settings only; returning the same settings object is no edit. */
  editSettings(update: (settings: Settings) => Settings, key?: string | null): void;
}

export function sliceContext(set: SliceContext['set'], get: SliceContext['get'], now: () => number): SliceContext {
  const edit: SliceContext['edit'] = (change, key = null) => {
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
  const editSettings: SliceContext['editSettings'] = (update, key = null) =>
    edit((state) => {
      const settings = update(state.settings);
      return settings === state.settings ? null : { settings };
    }, key);
  return { set, get, edit, editSettings };
}

export function historySlice({ set, get }: SliceContext): HistoryActions {
  return {
    undo() {
      const state = get();
      const previous = state.history.past[state.history.past.length - 1];
      if (!previous) return;
      const { past, future } = state.history;
      set({
        ...previous,
        slaDraft: null,
        history: { past: past.slice(0, -1), future: [snapshot(state), ...future], lastKey: null, lastAt: 0 },
      });
    },
    redo() {
      const state = get();
      const next = state.history.future[0];
      if (!next) return;
      const { past, future } = state.history;
      set({
        ...next,
        slaDraft: null,
        history: { past: [...past, snapshot(state)], future: future.slice(1), lastKey: null, lastAt: 0 },
      });
    },
    clearHistory() {
      set({ history: emptyHistory() });
    },
  };
}
