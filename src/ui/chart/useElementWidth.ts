import { useCallback, useEffect, useState } from 'react';

/**
 * The rendered width of an element, followed with a ResizeObserver (falls back to `initial`). A callback ref,
 * so an element that appears after the first render (a chart waiting for data) is measured too.
 */
export function useElementWidth<T extends HTMLElement>(initial: number) {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  const ref = useCallback((node: T | null) => setElement(node), []);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidth(Math.round(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width] as const;
}
