/** The scenario survives a reload; writes are throttled; a corrupt store is set aside and reported. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/appStore.ts';
import {
  SET_ASIDE_KEY,
  STORAGE_KEY,
  WRITE_INTERVAL_MS,
  restoreScenario,
  startPersisting,
} from '../../src/store/persistence.ts';
import type { KeyValueStorage } from '../../src/store/persistence.ts';
import { selectResults } from '../../src/store/selectors.ts';
import { nimRuns } from './nimRuns.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string>; writes: number } {
  const data = new Map<string, string>();
  const storage = {
    data,
    writes: 0,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      storage.writes++;
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  };
  return storage;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('persistence', () => {
  it('writes at most once per half second while a field is typed into, and the last value always', () => {
    const storage = memoryStorage();
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    startPersisting(store, storage);
    for (let i = 1; i <= 60; i++) {
      store.getState().setDemand({ peak: i });
      vi.advanceTimersByTime(5); // 60 edits in 300 ms
    }
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!).demand.peak).toBe(60);
  });

  it('does not write on drag frames, only on the release', () => {
    const storage = memoryStorage();
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    startPersisting(store, storage);
    for (let b = 100; b < 700; b += 5) store.getState().previewSla(0, b);
    vi.advanceTimersByTime(2000);
    expect(storage.writes).toBe(0);
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 695 });
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(storage.writes).toBe(1);
  });

  it('restores the same results after a reload, data included', () => {
    const storage = memoryStorage();
    const first = createAppStore({ runs: nimRuns(), origin: 'files' });
    const stop = startPersisting(first, storage);
    first.getState().setSla(0, { metric: 'ttft', stat: 'p99', bound: 900 });
    first.getState().setSeriesSettings(selectResults(first.getState())[0]!.series.key, { name: 'Renamed' });
    stop(); // flushes
    const second = createAppStore();
    expect(restoreScenario(second, storage)).toBe(true);
    expect(selectResults(second.getState())).toEqual(selectResults(first.getState()));
    expect(selectResults(second.getState())[0]?.series.name).toBe('Renamed');
  });

  it('sets a corrupt stored scenario aside and says so, without throwing', () => {
    const storage = memoryStorage();
    storage.data.set(STORAGE_KEY, '{"format":"llm-tco-scenario","version":1,"demand":{"unit":"users"}}');
    const store = createAppStore();
    expect(restoreScenario(store, storage)).toBe(false);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
    expect(storage.data.get(SET_ASIDE_KEY)).toContain('"users"');
    expect(store.getState().notices[0]?.text).toMatch(
      /could not be restored \(demand\.unit: must be one of .*\)\. It was set aside/,
    );
  });

  it('survives storage that is not JSON or throws on access', () => {
    const storage = memoryStorage();
    storage.data.set(STORAGE_KEY, '{{{');
    expect(restoreScenario(createAppStore(), storage)).toBe(false);
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = createAppStore();
    expect(restoreScenario(store, throwing)).toBe(false);
    const stop = startPersisting(store, throwing);
    store.getState().setUptime(0.5);
    expect(() => stop()).not.toThrow();
  });
});

describe('what is not kept', () => {
  it('writes at once when asked (a share link was just opened), without waiting for an edit', () => {
    const storage = memoryStorage();
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    startPersisting(store, storage, undefined, { writeNow: true });
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(storage.writes).toBe(1);
  });

  it('names the files still waiting for a load level after a reload', async () => {
    const { parseFile } = await import('../../src/core/parsers/registry.ts');
    const outcome = parseFile({
      path: 'lost/profile_export_genai_perf.csv',
      text:
        'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ms),1,1,1,1,1,1,1,1,1\n\n' +
        'Metric,Value\nRequest Throughput (per sec),4\n',
    });
    const storage = memoryStorage();
    const first = createAppStore({ runs: outcome.kind === 'runs' ? outcome.runs : [], origin: 'files' });
    const stop = startPersisting(first, storage);
    first.getState().setUptime(0.9);
    stop(); // flushes
    const second = createAppStore();
    expect(restoreScenario(second, storage)).toBe(true);
    expect(second.getState().notices[0]?.text).toContain(
      'Not kept from the last visit, as their load level had not been entered: lost/profile_export_genai_perf.csv',
    );
  });
});
