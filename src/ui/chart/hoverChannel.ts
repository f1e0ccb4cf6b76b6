/**
 * The point under the pointer, passed from the series layer (inside the chart's SVG) to the tooltip (beside it)
 * without going through the chart component: a hover re-renders the tooltip only, not the chart.
 */
import { useState, useSyncExternalStore } from 'react';
import type { ChartPoint } from '../../core/analysis/projection.ts';

/** A point under the pointer and its position in the chart's pixels. */
export interface HoveredPoint {
  point: ChartPoint;
  cx: number;
  cy: number;
}

export interface HoverChannel {
  set(hovered: HoveredPoint | null): void;
  get(): HoveredPoint | null;
  subscribe(listener: () => void): () => void;
}

function createHoverChannel(): HoverChannel {
  let current: HoveredPoint | null = null;
  const listeners = new Set<() => void>();
  return {
    set(hovered) {
      if (hovered?.point === current?.point) return;
      current = hovered;
      for (const listener of listeners) listener();
    },
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One channel for the component's lifetime. */
export function useHoverChannel(): HoverChannel {
  const [channel] = useState(createHoverChannel);
  return channel;
}

export function useHovered(channel: HoverChannel): HoveredPoint | null {
  return useSyncExternalStore(channel.subscribe, channel.get);
}
