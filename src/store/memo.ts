/**
 * Memoisation for selectors, one cache per store. A selector is defined once at module scope; the last arguments
 * and result it computed live in the `SelectorCaches` of the state it is called with (each store creates its own),
 * so two stores on one page never evict each other's results. Size 1 per selector and store: a drag produces a new
 * SLA draft every frame; a growing cache (reselect's default weakMapMemoize) would keep them all.
 */

interface Entry {
  /** Undefined until the first computation. */
  args: readonly unknown[] | undefined;
  result: unknown;
  computations: number;
  /** The selector's private memory (stateful selectors), created once per store. */
  memory: unknown;
}

/** The selector caches of one store. Opaque to everything but this module; never copied between stores. */
export class SelectorCaches {
  readonly #entries = new Map<object, Entry>();

  /** @internal The cache entry of one selector (created on first use). */
  entry(selector: object, memory: () => unknown): Entry {
    let entry = this.#entries.get(selector);
    if (entry === undefined) {
      entry = { args: undefined, result: undefined, computations: 0, memory: memory() };
      this.#entries.set(selector, entry);
    }
    return entry;
  }

  /** How many times a selector's combiner ran against this store (tests measure recomputation with it). */
  computations(selector: object): number {
    return this.#entries.get(selector)?.computations ?? 0;
  }
}

/** What every state a selector reads must carry: its store's caches. */
export interface HasCaches {
  caches: SelectorCaches;
}

const sameArgs = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

export interface SelectorOptions<R> {
  /**
   * When the new result equals the previous one by this test, the previous one is returned (same reference),
   * so selectors and components downstream of it do not recompute or re-render.
   */
  equal?: (previous: R, next: R) => boolean;
}

/**
 * Selectors built from input selectors and a combiner, memoised on the inputs' identities (recharts'
 * `createSelector` shape, with a size-1 cache per store).
 */
export function selectorFactory<S extends HasCaches>() {
  /**
   * A selector whose combiner keeps a private memory per store: `makeCombine` runs once per store and returns the
   * combiner (e.g. one that reuses, per series, what it computed last time).
   */
  function createStatefulSelector<const Inputs extends readonly unknown[], R>(
    inputs: { readonly [K in keyof Inputs]: (state: S) => Inputs[K] },
    makeCombine: () => (...values: Inputs) => R,
    options: SelectorOptions<R> = {},
  ): (state: S) => R {
    const selector = (state: S): R => {
      const entry = state.caches.entry(selector, makeCombine);
      const args = inputs.map((select: (state: S) => unknown) => select(state));
      if (entry.args !== undefined && sameArgs(entry.args, args)) return entry.result as R;
      const next = (entry.memory as (...values: Inputs) => R)(...(args as unknown as Inputs));
      entry.computations++;
      const keep = entry.args !== undefined && options.equal !== undefined && options.equal(entry.result as R, next);
      entry.args = args;
      if (!keep) entry.result = next;
      return entry.result as R;
    };
    return selector;
  }

  function createSelector<const Inputs extends readonly unknown[], R>(
    inputs: { readonly [K in keyof Inputs]: (state: S) => Inputs[K] },
    combine: (...values: Inputs) => R,
    options: SelectorOptions<R> = {},
  ): (state: S) => R {
    return createStatefulSelector(inputs, () => combine, options);
  }

  return { createSelector, createStatefulSelector };
}

/** Lists of the same length whose items are identical (Object.is). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return sameArgs(a, b);
}

/**
 * Records whose fields are identical (Object.is), arrays compared item by item: a resolved series rebuilt from the
 * same points and settings equals the previous one.
 */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keysA = Object.keys(a) as Array<keyof T>;
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const [x, y] = [a[key], b[key]];
    return Object.is(x, y) || (Array.isArray(x) && Array.isArray(y) && sameItems(x, y));
  });
}

/**
 * `next`, sharing what it has in common with `previous`: `previous` itself when every field is the same
 * (sameFields); otherwise `next` with each array field equal item by item to the previous one replaced by it.
 * A series rebuilt after a rename thus keeps its points array, and everything computed from the points stays.
 */
export function reuseUnchanged<T extends object>(previous: T | undefined, next: T): T {
  if (previous === undefined) return next;
  if (sameFields(previous, next)) return previous;
  const shared = { ...next } as Record<string, unknown>;
  for (const key of Object.keys(shared)) {
    const [before, now] = [(previous as Record<string, unknown>)[key], shared[key]];
    if (Array.isArray(before) && Array.isArray(now) && sameItems(before, now)) shared[key] = before;
  }
  return shared as T;
}

/** Size-1 memoisation of one function: the last arguments (by identity) and result are kept, nothing more. */
export function memoizeLast<Args extends readonly unknown[], R>(fn: (...args: Args) => R): (...args: Args) => R {
  let lastArgs: Args | undefined;
  let lastResult: R;
  return (...args: Args): R => {
    if (lastArgs !== undefined && sameArgs(lastArgs, args)) return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}
