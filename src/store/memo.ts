/**
 * Size-1 memoisation for selectors: the last arguments and result are kept, nothing more. A drag produces a
 * new SLA draft every frame; a growing cache (reselect's default weakMapMemoize) would keep them all.
 */
export function memoizeLast<Args extends readonly unknown[], R>(fn: (...args: Args) => R): (...args: Args) => R {
  let lastArgs: Args | undefined;
  let lastResult: R;
  return (...args: Args): R => {
    if (lastArgs !== undefined && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}

/**
 * A selector built from input selectors and a combiner, memoised on the inputs' identities
 * (recharts' `createSelector` shape, with a size-1 cache).
 */
export function selectorFactory<S>() {
  return function createSelector<const Inputs extends readonly unknown[], R>(
    inputs: { readonly [K in keyof Inputs]: (state: S) => Inputs[K] },
    combine: (...values: Inputs) => R,
  ): (state: S) => R {
    const memoCombine = memoizeLast(combine);
    return (state: S) => memoCombine(...(inputs.map((select: (state: S) => unknown) => select(state)) as unknown as Inputs));
  };
}
