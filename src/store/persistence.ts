/**
 * The current scenario survives a reload: it is written to localStorage at most every half second (never on
 * each drag frame: drafts are not part of it) and flushed when the page is hidden. What is stored is the
 * scenario document of scenarioIO.ts with its points, read back by the same reader as a scenario file; a stored
 * document that no longer validates is moved aside under another key and reported, never a blank page. Storage
 * that is full or refuses is reported as it happens, with what will and will not come back.
 */
import { parseScenarioText } from '../core/scenario/scenarioCodec.ts';
import type { AppState, AppStoreApi, DataOrigin } from './appStore.ts';
import { currentScenario, openScenario } from './scenarioIO.ts';
import { selectUnresolvedRuns } from './selectors.ts';

export const STORAGE_KEY = 'llm-tco-planner/scenario';
export const SET_ASIDE_KEY = `${STORAGE_KEY}:set-aside`;
export const WRITE_INTERVAL_MS = 500;

/** The part of Storage used here (tests pass an in-memory one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Fields of the stored document that are about storage, not part of the scenario. */
interface StorageFields {
  origin?: unknown;
  /** Files whose load level was still missing (they are runs, not points, so they are not kept). */
  pendingFiles?: unknown;
  /** How many points were left out because the storage could not hold them. */
  pointsDropped?: unknown;
}

/**
 * Restores the stored scenario into the store. Returns false when there was none (or it was set aside), so
 * the demo opens; whatever valid document is stored comes back, settings alone included.
 */
export function restoreScenario(store: AppStoreApi, storage: KeyValueStorage): boolean {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return false; // storage disabled (privacy mode): nothing to restore, and startPersisting will say so
  }
  if (text === null) return false;
  // The same reader as a scenario file or a share link: one validation on every way in.
  const result = parseScenarioText(text);
  if (result.ok) {
    const { origin, pendingFiles, pointsDropped, ...scenario } = result.scenario as typeof result.scenario &
      StorageFields;
    const dropped = typeof pointsDropped === 'number' && pointsDropped > 0 ? pointsDropped : 0;
    const restoredOrigin: DataOrigin =
      dropped > 0 && scenario.points.length === 0
        ? 'empty'
        : origin === 'demo' || origin === 'empty'
          ? origin
          : 'files';
    openScenario(store, scenario, restoredOrigin);
    if (dropped > 0) {
      store
        .getState()
        .notify(
          'info',
          `Your settings came back; the ${dropped} load level${dropped === 1 ? '' : 's'} loaded last time did not, ` +
            'as they were too large for this browser’s storage. ' +
            'Load the files again (or open a saved scenario file) to see them.',
        );
    }
    // Runs still waiting for a load level are not points, so they were not kept: say which.
    const pending = Array.isArray(pendingFiles) ? pendingFiles.filter((f): f is string => typeof f === 'string') : [];
    if (pending.length > 0) {
      store
        .getState()
        .notify(
          'info',
          `Not kept from the last visit, as their load level had not been entered: ${pending.slice(0, 5).join(', ')}` +
            `${pending.length > 5 ? ` and ${pending.length - 5} more` : ''}. Load them again to use them.`,
        );
    }
    return true;
  }
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Could not move it: it will be overwritten by the next save, which is the best left to do.
  }
  store
    .getState()
    .notify(
      'error',
      `The scenario saved in this browser could not be restored (${result.message}). ` +
        `It was set aside under "${SET_ASIDE_KEY}" and the demo opened instead.`,
    );
  return false;
}

function persistedParts(state: AppState) {
  return [state.settings, state.runs, state.embeddedPoints, state.origin] as const;
}

/** A storage error in words: a full storage is the usual one. */
function describeStorageError(error: unknown): string {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
      ? (error as Error).name
      : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return 'its storage for this page is full';
  return `it refused to store (${error instanceof Error ? error.message || error.name : String(error)})`;
}

/** What the last write achieved: each change of it is reported once, as it happens. */
type WriteStatus = 'everything' | 'settings only' | 'nothing';

/**
 * Starts writing the scenario whenever the user's data or settings change: at most once per WRITE_INTERVAL_MS,
 * the last change always written. When the storage cannot hold the points, the settings are written alone
 * (marked, so a reload says what is missing); when it refuses even that, the user is told that their latest
 * changes will not come back. Returns a function that flushes and stops.
 */
export function startPersisting(
  store: AppStoreApi,
  storage: KeyValueStorage,
  onPageHide?: (flush: () => void) => () => void,
  { writeNow = false }: { writeNow?: boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let status: WriteStatus = 'everything';

  const report = (next: WriteStatus, problem: string, pointCount: number) => {
    if (next === status) return;
    const previous = status;
    status = next;
    const notify = store.getState().notify;
    if (next === 'everything') {
      if (previous !== 'everything')
        notify('info', 'Saving in this browser works again: after a reload, your data and settings come back.');
    } else if (next === 'settings only') {
      notify(
        'info',
        `The loaded data (${pointCount} load level${pointCount === 1 ? '' : 's'}) does not fit in this browser’s ` +
          `storage: ${problem}. After a reload your settings come back, the data does not. ` +
          'Save the scenario to a file to keep it.',
      );
    } else {
      notify(
        'error',
        `This browser did not save your work: ${problem}. After a reload, your latest changes will not come back. ` +
          'Save the scenario to a file to keep them.',
      );
    }
  };

  const write = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const state = store.getState();
    const scenario = currentScenario(state);
    const pendingFiles = selectUnresolvedRuns(state).flatMap((run) => run.files);
    const base = { origin: state.origin as DataOrigin, pendingFiles };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ ...scenario, ...base }));
      report('everything', '', 0);
      return;
    } catch (error) {
      const problem = describeStorageError(error);
      if (scenario.points.length === 0) {
        report('nothing', problem, 0);
        return;
      }
      try {
        storage.setItem(
          STORAGE_KEY,
          JSON.stringify({ ...scenario, points: [], ...base, pointsDropped: scenario.points.length }),
        );
        report('settings only', problem, scenario.points.length);
      } catch (second) {
        report('nothing', describeStorageError(second), 0);
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
