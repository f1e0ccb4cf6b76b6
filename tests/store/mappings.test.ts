/**
 * Column mappings in the store: refused files keep their text (bounded, never persisted), saving a mapping puts it
 * in the scenario and re-reads the refused files it applies to, in one undo step.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/core/parsers/mapped/mapping.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { loadFiles } from '../../src/store/loading.ts';
import { saveMapping } from '../../src/store/mappings.ts';
import { currentScenario } from '../../src/store/scenarioIO.ts';
import { selectPoints } from '../../src/store/selectors.ts';

const SHEET = 'users,ttft_s,done_per_min\n2,0.5,12\n8,0.75,45\n';
const MAPPING: ColumnMapping = {
  id: 'sheet',
  name: 'lab sheet',
  appliesTo: 'sheet*.csv',
  format: 'csv',
  fields: [
    { source: 'users', target: 'load.concurrency', unit: 'count' },
    { source: 'ttft_s', target: 'ttftMs.avg', unit: 's' },
    { source: 'done_per_min', target: 'requestsPerSecond', unit: '/min' },
  ],
};

async function storeWithRefusedSheet() {
  const store = createAppStore();
  await loadFiles(store, [
    { path: 'lab/sheet-a.csv', file: new Blob([SHEET]) },
    { path: 'lab/notes.csv', file: new Blob(['a,b\n1,2\n']) },
    { path: 'lab/broken.json', file: new Blob(['{"a": ']) },
  ]);
  return store;
}

describe('refused files and mappings', () => {
  it('keeps the text of the files a mapping could read, not of broken ones', async () => {
    const store = await storeWithRefusedSheet();
    expect(store.getState().loadErrors.map((e) => e.file)).toEqual([
      'lab/sheet-a.csv',
      'lab/notes.csv',
      'lab/broken.json',
    ]);
    expect(store.getState().refused).toEqual([
      { path: 'lab/sheet-a.csv', text: SHEET },
      { path: 'lab/notes.csv', text: 'a,b\n1,2\n' },
    ]);
  });

  it('saving a mapping re-reads the refused files it applies to (by the parser); undo takes back both', async () => {
    const store = await storeWithRefusedSheet();
    expect(await saveMapping(store, MAPPING)).toEqual({ read: 1, refused: 0 });
    const state = store.getState();
    expect(selectPoints(state).map((p) => [p.load.concurrency, p.requestsPerSecond, p.ttftMs.avg])).toEqual([
      [2, 0.2, 500],
      [8, 0.75, 750],
    ]);
    expect(state.settings.mappings).toEqual([MAPPING]);
    expect(state.loadErrors.map((e) => e.file)).toEqual(['lab/notes.csv', 'lab/broken.json']);
    expect(state.refused.map((f) => f.path)).toEqual(['lab/notes.csv']);
    expect(currentScenario(state).mappings).toEqual([MAPPING]);

    store.getState().undo();
    expect(store.getState().settings.mappings).toBeUndefined();
    expect(selectPoints(store.getState())).toEqual([]);
  });

  it("a mapping that cannot read the file replaces the file's error with its own; the text stays", async () => {
    const store = await storeWithRefusedSheet();
    const wrong = {
      ...MAPPING,
      fields: [
        ...MAPPING.fields.slice(0, 2),
        { source: 'per_min', target: 'requestsPerSecond', unit: '/min' } as const,
      ],
    };
    expect(await saveMapping(store, wrong)).toEqual({ read: 0, refused: 1 });
    const errors = store.getState().loadErrors;
    expect(errors.filter((e) => e.file === 'lab/sheet-a.csv')).toEqual([
      {
        file: 'lab/sheet-a.csv',
        reason: 'column mapping "lab sheet": column "per_min" not in the file (it has users, ttft_s, done_per_min)',
      },
    ]);
    expect(store.getState().refused.map((f) => f.path)).toContain('lab/sheet-a.csv');
    // Saved again under the same id, the corrected mapping replaces the wrong one and reads the file.
    expect(await saveMapping(store, MAPPING)).toEqual({ read: 1, refused: 0 });
    expect(store.getState().settings.mappings).toEqual([MAPPING]);
  });

  it('files loaded after a mapping is saved are read with it', async () => {
    const store = createAppStore();
    await saveMapping(store, MAPPING);
    await loadFiles(store, [{ path: 'b/sheet-b.csv', file: new Blob([SHEET]) }]);
    expect(store.getState().loadErrors).toEqual([]);
    expect(selectPoints(store.getState())).toHaveLength(2);
  });

  it('removing a mapping keeps what it read; the list disappears from the scenario when empty', async () => {
    const store = await storeWithRefusedSheet();
    await saveMapping(store, MAPPING);
    store.getState().removeMapping('sheet');
    expect('mappings' in store.getState().settings).toBe(false);
    expect(selectPoints(store.getState())).toHaveLength(2);
  });

  it('bounds the kept texts and clears them with the messages', () => {
    const store = createAppStore();
    const big = 'x'.repeat(4 * 2 ** 20);
    store.getState().keepRefused(Array.from({ length: 6 }, (_, i) => ({ path: `f${i}.csv`, text: big })));
    // 20 MB in all: the five newest of 4 MB each.
    expect(store.getState().refused.map((f) => f.path)).toEqual(['f1.csv', 'f2.csv', 'f3.csv', 'f4.csv', 'f5.csv']);
    store.getState().keepRefused([{ path: 'huge.csv', text: 'x'.repeat(6 * 2 ** 20) }]);
    expect(store.getState().refused.map((f) => f.path)).not.toContain('huge.csv');
    store.getState().dismissLoadErrors();
    expect(store.getState().refused).toEqual([]);
  });
});
