/**
 * Store values for heavy panels, read so that React draws what an action changes at once first and these panels
 * in its background render (useDeferredValue), in slices that leave the page responsive, dropping a stale render
 * when a newer change arrives; they catch up as soon as the page is idle.
 */
import { useDeferredValue } from 'react';
import type { AppState } from '../../store/appStore.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

/**
 * For the results table and the recommendation: a step behind only while an SLA line is dragged (what follows the
 * pointer, the line, the rings, is drawn first), at once otherwise, so every edit shows in the same frame.
 */
export function useDeferredAppStore<T>(selector: (state: AppState) => T): T {
  const value = useAppStore(selector);
  const deferred = useDeferredValue(value);
  const dragging = useAppStore((s) => s.slaDraft !== null);
  return dragging ? deferred : value;
}

/**
 * For the charts: always a step behind, so 1,000 newly loaded points, or a drag's release, are drawn after the
 * change, not in its task. A chart reads every value it draws through this hook (they lag together) and memoises
 * what it renders on them, so the change's own render passes over it.
 */
export function useBackgroundAppStore<T>(selector: (state: AppState) => T): T {
  return useDeferredValue(useAppStore(selector));
}

/**
 * Like useBackgroundAppStore, for a costly selector that only a chart calls (the cost-vs-SLA sweep): the selector
 * itself runs in the background render, over the deferred state, instead of in the task of the change (where the
 * store's subscribers are checked). Only for selectors nothing calls on the current state: a selector's cache holds
 * one result per store (memo.ts), which calls on two states would evict in turn.
 */
export function useBackgroundSelector<T>(selector: (state: AppState) => T): T {
  return selector(useDeferredValue(useAppStore((state) => state)));
}
