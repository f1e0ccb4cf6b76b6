/**
 * The current scenario survives a reload: it is written to localStorage at most every half second (never on
 * each drag frame: drafts are not part of it) and flushed when the page is hidden. What is stored is the
 * scenario document of scenarioIO.ts with its points; a stored document that no longer validates is moved
 * aside under another key and reported, never a blank page.
 */
import { validateScenario } from '../core/scenario/validateScenario.ts';
import type { AppState, AppStoreApi, DataOrigin } from './appStore.ts';
import { currentScenario, openScenario } from './scenarioIO.ts';
import { selectUnresolvedRuns } from './selectors.ts';

export const STORAGE_KEY = 'llm-tco-planner/scenario';
export const SET_ASIDE_KEY = `${STORAGE_KEY}:set-aside`;
export const WRITE_INTERVAL_MS = 500;

/** The part of Storage used here (tests pass an in-memory one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Restores the stored scenario into the store. Returns false when there was none (or it was set aside). */
export function restoreScenario(store: AppStoreApi, storage: KeyValueStorage): boolean {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return false; // storage disabled (privacy mode): nothing to restore, nothing to report
  }
  if (text === null) return false;
  let problem: string;
  try {
    const doc: unknown = JSON.parse(text);
    const result = validateScenario(doc);
    if (result.ok) {
      const { origin, pendingFiles } = doc as { origin?: unknown; pendingFiles?: unknown };
      openScenario(store, result.scenario, origin === 'demo' || origin === 'files' ? origin : 'files');
      // Runs still waiting for a load level are not points, so they were not kept: say which.
      const pending = Array.isArray(pendingFiles) ? pendingFiles.filter((f): f is string => typeof f === 'string') : [];
      if (pending.length > 0) {
        store.getState().notify('info', `Not kept from the last visit, as their load level had not been entered: ${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ` and ${pending.length - 5} more` : ''}. Load them again to use them.`);
      }
      return result.scenario.points.length > 0 || origin !== 'files' || pending.length > 0;
    }
    problem = result.message;
  } catch (error) {
    problem = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Could not move it: it will be overwritten by the next save, which is the best left to do.
  }
  store.getState().notify('error', `The scenario saved in this browser could not be restored (${problem}). It was set aside under "${SET_ASIDE_KEY}" and the demo opened instead.`);
  return false;
}

function persistedParts(state: AppState) {
  return [state.settings, state.runs, state.embeddedPoints, state.origin] as const;
}

/**
 * Starts writing the scenario whenever the user's data or settings change: at most once per WRITE_INTERVAL_MS,
 * the last change always written. Returns a function that flushes and stops.
 */
export function startPersisting(
  store: AppStoreApi,
  storage: KeyValueStorage,
  onPageHide?: (flush: () => void) => () => void,
  { writeNow = false }: { writeNow?: boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let warnedQuota = false;

  const write = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const state = store.getState();
    const scenario = currentScenario(state);
    const pendingFiles = selectUnresolvedRuns(state).flatMap((run) => run.files);
    const doc = (withPoints: boolean) => JSON.stringify({ ...scenario, points: withPoints ? scenario.points : [], origin: state.origin as DataOrigin, pendingFiles });
    try {
      storage.setItem(STORAGE_KEY, doc(true));
    } catch {
      try {
        storage.setItem(STORAGE_KEY, doc(false));
        if (!warnedQuota) store.getState().notify('info', 'The loaded data is too large for this browser’s storage: after a reload the settings come back, the data does not. Save the scenario to a file to keep it.');
        warnedQuota = true;
      } catch {
        // Storage unavailable: the app works on, without persistence.
      }
    }
  };
  const schedule = () => {
    dirty = true;
    timer ??= setTimeout(write, WRITE_INTERVAL_MS);
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    write();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const now = persistedParts(state);
    const before = persistedParts(previous);
    if (now.some((part, i) => part !== before[i])) schedule();
  });
  const stopPageHide = onPageHide?.(flush);
  // After opening a share link the state differs from what is stored: keep it without waiting for an edit.
  if (writeNow) schedule();
  return () => {
    flush();
    unsubscribe();
    stopPageHide?.();
  };
}
