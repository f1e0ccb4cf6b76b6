/** Undo/redo: every edit is a step, one drag gesture is one step, typing into one field is one step. */
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, createAppStore } from '../../src/store/appStore.ts';
import { selectPointsById, selectResults } from '../../src/store/selectors.ts';
import { nimRuns } from './nimRuns.ts';

function storeWithClock() {
  let t = 10_000;
  const clock = { advance: (ms: number) => (t += ms) };
  const store = createAppStore({ runs: nimRuns(), origin: 'files' }, { now: () => t });
  return { store, clock };
}

describe('undo and redo', () => {
  it('undoes a drag as one step: 30 previews and one release', () => {
    const { store } = storeWithClock();
    const before = selectResults(store.getState());
    for (let bound = 260; bound <= 700; bound += 15) store.getState().previewSla(0, bound);
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 700 });
    expect(store.getState().history.past).toHaveLength(1);
    expect(selectResults(store.getState())[0]?.sizing?.instances).not.toBe(before[0]?.sizing?.instances);
    store.getState().undo();
    expect(store.getState().settings.sla[0]?.bound).toBe(250);
    expect(selectResults(store.getState())).toEqual(before);
    store.getState().redo();
    expect(store.getState().settings.sla[0]?.bound).toBe(700);
  });

  it('keeps two quick drags as two steps, but joins quick key presses on the line', () => {
    const { store, clock } = storeWithClock();
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 300 });
    clock.advance(300);
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 400 });
    expect(store.getState().history.past).toHaveLength(2);
    for (const bound of [420, 440, 460]) {
      clock.advance(100);
      store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound }, { coalesce: true });
    }
    expect(store.getState().history.past).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().settings.sla[0]?.bound).toBe(400);
  });

  it('joins edits of one field made within the coalescing window, and separates later ones', () => {
    const { store, clock } = storeWithClock();
    for (const peak of [2, 20, 200, 2000]) {
      clock.advance(150);
      store.getState().setDemand({ peak });
    }
    expect(store.getState().history.past).toHaveLength(1);
    clock.advance(COALESCE_MS + 1);
    store.getState().setDemand({ peak: 300 });
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().settings.demand.peak).toBe(2000);
    store.getState().undo();
    expect(store.getState().settings.demand.peak).toBe(200); // the default, before any typing
  });

  it('keeps different fields apart even when quick', () => {
    const { store } = storeWithClock();
    store.getState().setDemand({ peak: 10 });
    store.getState().setDemand({ headroomPercent: 10 });
    store.getState().setHardware('dgx-h100', { serverPriceUsd: 1 });
    expect(store.getState().history.past).toHaveLength(3);
  });

  it('undoes loading data, and a new edit clears the redo list', () => {
    const { store } = storeWithClock();
    const runs = store.getState().runs;
    store
      .getState()
      .addLoaded(
        { runs: runs.map((r) => ({ ...r, runPath: `again/${r.runPath}` })), errors: [], skipped: [] },
        'files',
      );
    expect(store.getState().runs.length).toBe(14);
    store.getState().undo();
    expect(store.getState().runs.length).toBe(7);
    store.getState().redo();
    store.getState().undo();
    store.getState().setUptime(0.9);
    expect(store.getState().history.future).toEqual([]);
  });

  it('"Remove all data" forgets it: no undo step holds the removed runs alive', () => {
    const { store } = storeWithClock();
    store.getState().setUptime(0.9);
    expect(store.getState().history.past.length).toBeGreaterThan(0);
    store.getState().clearData();
    expect(store.getState().runs).toEqual([]);
    expect(store.getState().history).toEqual({ past: [], future: [], lastKey: null, lastAt: 0 });
    store.getState().undo();
    expect(store.getState().runs).toEqual([]);
    expect(store.getState().notices.at(-1)?.text).toMatch(/Undo does not bring it back/);
  });

  it('"Remove all data" empties the selector caches: no selector keeps a result over the removed data', () => {
    const { store } = storeWithClock();
    // A selector only a tooltip calls: after the data goes, nothing calls it again to replace its last result.
    expect(selectPointsById(store.getState()).size).toBe(7);
    expect(store.getState().caches.computations(selectPointsById)).toBe(1);
    store.getState().clearData();
    expect(store.getState().caches.computations(selectPointsById)).toBe(0);
    expect(selectPointsById(store.getState()).size).toBe(0);
  });

  it('does nothing when there is nothing to undo or redo, and an unchanged edit is not a step', () => {
    const { store } = storeWithClock();
    store.getState().undo();
    store.getState().redo();
    store.getState().removeHardware('dgx-h100'); // the last profile cannot go: no change
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('does not record errors-only loads', () => {
    const { store } = storeWithClock();
    store.getState().addLoaded({ runs: [], errors: [{ file: 'x', reason: 'empty' }], skipped: [] }, 'files');
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().loadErrors).toHaveLength(1);
  });
});
