/**
 * Pareto front (docs/method.md §Pareto front): an item is on the front when no other item has strictly higher y at the
 * same or better x. Better x is lower for latencies, higher for tokens/s per user. O(n log n).
 */
export function paretoFront<T>(
  items: readonly T[],
  x: (item: T) => number | undefined,
  y: (item: T) => number | undefined,
  higherXIsBetter: boolean,
): T[] {
  const valued: Array<{ item: T; x: number; y: number }> = [];
  for (const item of items) {
    const xv = x(item);
    const yv = y(item);
    if (xv === undefined || yv === undefined || !Number.isFinite(xv) || !Number.isFinite(yv)) continue;
    valued.push({ item, x: higherXIsBetter ? -xv : xv, y: yv });
  }
  // Best x first; at equal x, higher y first, so an equal-x point with higher y is seen before the one it dominates.
  valued.sort((a, b) => a.x - b.x || b.y - a.y);
  const front: T[] = [];
  let bestY = -Infinity;
  for (const v of valued) {
    if (v.y >= bestY) {
      front.push(v.item);
      bestY = v.y;
    }
  }
  return front;
}
