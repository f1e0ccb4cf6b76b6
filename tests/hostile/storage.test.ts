/**
 * Storage that tells the truth, limits held by the store, and the corpus restorable: everything the page accepted
 * from the hostile corpus is written to storage and comes back after a "reload" (a new store) with nothing lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import { SCENARIO_LIMITS } from '../../src/core/scenario/validateScenario.ts';
import { EXAMPLE_HARDWARE } from '../../src/core/scenario/defaults.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { STORAGE_KEY, WRITE_INTERVAL_MS, restoreScenario, startPersisting } from '../../src/store/persistence.ts';
import type { KeyValueStorage } from '../../src/store/persistence.ts';
import { selectPoints, selectResults } from '../../src/store/selectors.ts';
import { parseFiles } from '../../src/workers/parseFiles.ts';
import { nimRuns } from '../store/nimRuns.ts';
import { corpus } from './corpus.ts';

/** An in-memory Storage holding at most `quota` characters, failing like a browser's when full. */
function limitedStorage(quota = Infinity): KeyValueStorage & { data: Map<string, string>; refuseAll: boolean } {
  const data = new Map<string, string>();
  const storage = {
    data,
    refuseAll: false,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (storage.refuseAll) throw new DOMException('The operation is insecure.', 'SecurityError');
      if (value.length > quota) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  };
  return storage;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('storage that tells the truth', () => {
  it('when the data does not fit: says so at once, keeps the settings, and a reload brings back exactly them', () => {
    const storage = limitedStorage(5_000); // the settings fit, the 7 points do not
    const first = createAppStore({ runs: nimRuns(), origin: 'files' });
    const stop = startPersisting(first, storage);
    first.getState().setSla(0, { metric: 'ttft', stat: 'p99', bound: 900 });
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(first.getState().notices.map((n) => n.text)).toEqual([
      'The loaded data (7 load levels) does not fit in this browser’s storage: its storage for this page is full. After a reload your settings come back, the data does not. Save the scenario to a file to keep it.',
    ]);
    stop();
    const second = createAppStore();
    expect(restoreScenario(second, storage)).toBe(true); // not replaced by the demo
    expect(second.getState().settings.sla).toEqual([{ metric: 'ttft', stat: 'p99', bound: 900 }]);
    expect(second.getState().origin).toBe('empty');
    expect(selectPoints(second.getState())).toEqual([]);
    expect(second.getState().notices[0]?.text).toMatch(/^Your settings came back; the 7 load levels loaded last time did not/);
  });

  it('when storage refuses everything: says that the latest changes will not come back, once; and when it works again', () => {
    const storage = limitedStorage();
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    startPersisting(store, storage);
    storage.refuseAll = true;
    store.getState().setUptime(0.9);
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    store.getState().setUptime(0.8);
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['error', 'This browser did not save your work: it refused to store (The operation is insecure.). After a reload, your latest changes will not come back. Save the scenario to a file to keep them.'],
    ]);
    storage.refuseAll = false;
    store.getState().setUptime(0.7);
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(store.getState().notices.at(-1)?.text).toBe('Saving in this browser works again: after a reload, your data and settings come back.');
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}').uptime).toBe(0.7);
  });
});

describe('limits held by the store', () => {
  it('refuses a server type or an SLA constraint beyond the scenario limits, with a notice', () => {
    const store = createAppStore();
    for (let i = 1; i < SCENARIO_LIMITS.hardware + 5; i++) store.getState().addHardware({ ...EXAMPLE_HARDWARE, id: `h${i}` });
    expect(store.getState().settings.hardware).toHaveLength(SCENARIO_LIMITS.hardware);
    for (let i = 1; i < SCENARIO_LIMITS.sla + 5; i++) store.getState().addSla({ metric: 'ttft', stat: 'avg', bound: i });
    expect(store.getState().settings.sla).toHaveLength(SCENARIO_LIMITS.sla);
    expect(store.getState().notices.map((n) => n.text)).toContain(`Server types: at most ${SCENARIO_LIMITS.hardware} can be kept in a scenario, so none was added.`);
    expect(store.getState().notices.map((n) => n.text)).toContain(`SLA constraints: at most ${SCENARIO_LIMITS.sla} can be kept in a scenario, so none was added.`);
  });

  it('loads no more runs than a scenario can hold, naming the files left out', () => {
    const run = nimRuns()[0]!;
    const runs: ParsedRun[] = Array.from({ length: SCENARIO_LIMITS.points + 2 }, (_, i) => ({ ...run, runPath: `s/run-c${i + 1}`, source: { ...run.source, path: `s/run-c${i + 1}/x.json` } }));
    const store = createAppStore();
    store.getState().addLoaded({ runs, errors: [], skipped: [] }, 'files');
    expect(store.getState().runs).toHaveLength(SCENARIO_LIMITS.points);
    expect(store.getState().loadErrors.map((e) => e.file)).toEqual([`s/run-c${SCENARIO_LIMITS.points + 1}/x.json`, `s/run-c${SCENARIO_LIMITS.points + 2}/x.json`]);
    expect(store.getState().loadErrors[0]?.reason).toMatch(/^not loaded: a scenario holds at most 10,000 load levels/);
  });
});

describe('the hostile corpus, accepted then reloaded', () => {
  it('comes back whole: every point the page accepted is restored, with the same results', async () => {
    vi.useRealTimers();
    const runs: ParsedRun[] = [];
    const cases = corpus().files.filter((c) => c.expect.points > 0 && c.expect.tool === undefined);
    for (const c of cases) {
      await parseFiles(
        c.files.map((f) => ({ path: `${c.id}/${f.path}`, file: new Blob([f.bytes]) })),
        { start: () => undefined, bytes: () => undefined, file: (_i, outcome) => void (outcome.kind === 'runs' && runs.push(...outcome.runs)) },
      );
    }
    vi.useFakeTimers();
    const storage = limitedStorage();
    const first = createAppStore();
    first.getState().addLoaded({ runs, errors: [], skipped: [] }, 'files');
    const points = selectPoints(first.getState());
    expect(points.length).toBe(cases.reduce((sum, c) => sum + c.expect.points, 0));
    const stop = startPersisting(first, storage, undefined, { writeNow: true });
    stop();
    const second = createAppStore();
    expect(restoreScenario(second, storage)).toBe(true);
    expect(second.getState().notices).toEqual([]);
    expect(selectPoints(second.getState()).map((p) => p.id).sort()).toEqual(points.map((p) => p.id).sort());
    expect(selectResults(second.getState())).toEqual(selectResults(first.getState()));
  }, 120_000);
});
