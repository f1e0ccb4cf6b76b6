/** Selector memoisation: one cache per store, results kept while equal, unchanged parts shared. */
import { describe, expect, it } from 'vitest';
import { SelectorCaches, memoizeLast, reuseUnchanged, sameFields, selectorFactory } from '../../src/store/memo.ts';

interface State {
  caches: SelectorCaches;
  items: number[];
}

describe('selectorFactory', () => {
  const { createSelector } = selectorFactory<State>();
  const selectItems = (s: State) => s.items;
  const selectSum = createSelector([selectItems], (items) => ({ sum: items.reduce((a, b) => a + b, 0) }));
  const selectEven = createSelector([selectItems], (items) => items.filter((n) => n % 2 === 0), {
    equal: (a, b) => a.length === b.length && a.every((n, i) => n === b[i]),
  });

  it('keeps one result per store: two stores never evict each other', () => {
    const [a, b] = [
      { caches: new SelectorCaches(), items: [1, 2] },
      { caches: new SelectorCaches(), items: [5] },
    ];
    const first = selectSum(a);
    expect(selectSum(b)).toEqual({ sum: 5 });
    expect(selectSum(a)).toBe(first); // not recomputed after b's call
    expect(a.caches.computations(selectSum)).toBe(1);
    expect(b.caches.computations(selectSum)).toBe(1);
  });

  it('recomputes on a new input, and returns the previous result when the new one is equal', () => {
    const caches = new SelectorCaches();
    const even = selectEven({ caches, items: [1, 2, 4] });
    expect(selectEven({ caches, items: [3, 2, 4] })).toBe(even);
    expect(caches.computations(selectEven)).toBe(2);
    expect(selectEven({ caches, items: [2] })).toEqual([2]);
    expect(caches.computations(selectEven)).toBe(3);
  });
});

describe('reuseUnchanged', () => {
  const points = [{ id: 'a' }, { id: 'b' }];

  it('returns the previous object when every field is the same (arrays item by item)', () => {
    const previous = { key: 'k', name: 'n', points };
    expect(reuseUnchanged(previous, { key: 'k', name: 'n', points: [...points] })).toBe(previous);
    expect(reuseUnchanged(undefined, previous)).toBe(previous);
  });

  it('keeps the unchanged arrays of an object that changed', () => {
    const previous = { key: 'k', name: 'n', points };
    const next = reuseUnchanged(previous, { key: 'k', name: 'renamed', points: [...points] });
    expect(next).toEqual({ key: 'k', name: 'renamed', points });
    expect(next.points).toBe(points);
    expect(reuseUnchanged(previous, { key: 'k', name: 'n', points: [points[0]!] }).points).toEqual([points[0]]);
  });

  it('tells records apart by their keys and values', () => {
    expect(sameFields({ a: 1 }, { a: 1, b: 2 } as { a: number })).toBe(false);
    expect(sameFields({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameFields({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
  });
});

describe('memoizeLast', () => {
  it('runs again only when an argument is another object', () => {
    let runs = 0;
    const f = memoizeLast((x: object, n: number) => ({ x, n, run: ++runs }));
    const x = {};
    expect(f(x, 1)).toBe(f(x, 1));
    expect(f({}, 1).run).toBe(2);
    expect(f({}, 1).run).toBe(3);
  });
});
