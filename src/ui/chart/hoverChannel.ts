/**
 * What is under the pointer on a chart, passed from a layer inside the chart's SVG to the tooltip beside it without
 * going through the chart component: a hover re-renders the tooltip only, not the chart.
 */
import { useState, useSyncExternalStore } from 'react';
import type { ChartPoint } from '../../core/analysis/projection.ts';

/** A point under the pointer and its position in the chart's pixels. */
export interface HoveredPoint {
  point: ChartPoint;
  cx: number;
  cy: number;
}

export interface HoverChannel<T> {
  set(hovered: T | null): void;
  get(): T | null;
  subscribe(listener: () => void): () => void;
}

/** `same`: whether two hovered values show the same thing (the tooltip is not redrawn then). */
function createHoverChannel<T>(same: (a: T, b: T) => boolean): HoverChannel<T> {
  let current: T | null = null;
  const listeners = new Set<() => void>();
  return {
    set(hovered) {
      if (hovered === current || (hovered !== null && current !== null && same(hovered, current))) return;
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
export function useHoverChannel<T>(same: (a: T, b: T) => boolean): HoverChannel<T> {
  const [channel] = useState(() => createHoverChannel(same));
  return channel;
}

export function useHovered<T>(channel: HoverChannel<T>): T | null {
  return useSyncExternalStore(channel.subscribe, channel.get);
}

/** The same point is the same hover, wherever the pointer is on its marker. */
export const samePoint = (a: HoveredPoint, b: HoveredPoint) => a.point === b.point;
