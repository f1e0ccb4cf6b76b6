/**
 * A store value for a heavy panel (results table, recommendation, goodput) that lags behind while an SLA line is
 * dragged: React first draws what follows the pointer (the line, the rings, the markers) and renders these panels
 * in the time a frame has left (useDeferredValue), dropping a stale render when the next pointer move arrives; they
 * catch up as soon as the pointer rests, and exactly on release. Any other change shows at once.
 */
import { useDeferredValue } from 'react';
import type { AppState } from '../../store/appStore.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

export function useDeferredAppStore<T>(selector: (state: AppState) => T): T {
  const value = useAppStore(selector);
  const deferred = useDeferredValue(value);
  const dragging = useAppStore((s) => s.slaDraft !== null);
  return dragging ? deferred : value;
}
