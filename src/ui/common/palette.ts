/**
 * Each series' colour and marker shape, from its key (not its position): 12 colours (Okabe–Ito, darkened
 * yellow, and four of Paul Tol's muted set) and 8 marker shapes, so series stay apart for colour-blind readers too.
 *
 * A key hashes to a preferred colour and a preferred shape; a series whose preferred slot is already taken by a
 * series loaded before it takes the next free one. So adding or hiding series never changes another's style;
 * removing one changes only a later series that had to step past it (two keys hashing alike).
 */
import { selectPoints } from '../../store/selectors.ts';
import { sameItems, selectorFactory } from '../../store/memo.ts';
import type { AppState } from '../../store/appStore.ts';

const { createSelector } = selectorFactory<AppState>();

export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#B8860B',
  '#882255',
  '#332288',
  '#44AA99',
  '#999933',
] as const;

export const MARKER_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'plus',
  'star',
  'wye',
] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

export interface SeriesStyle {
  color: string;
  shape: MarkerShape;
}

/** 32-bit FNV-1a of the key, salted so colour and shape choices are independent. */
function hash(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The first slot from the key's preferred one that is not taken (all taken: the preferred one). */
function slot(key: string, salt: number, size: number, taken: ReadonlySet<number>): number {
  const start = hash(key, salt) % size;
  for (let i = 0; i < size; i++) {
    const candidate = (start + i) % size;
    if (!taken.has(candidate)) return candidate;
  }
  return start;
}

/** Styles for series keys in load order. */
export function seriesStyles(keys: Iterable<string>): Map<string, SeriesStyle> {
  const styles = new Map<string, SeriesStyle>();
  const colors = new Set<number>();
  const shapes = new Set<number>();
  for (const key of keys) {
    if (styles.has(key)) continue;
    const color = slot(key, 0, PALETTE.length, colors);
    const shape = slot(key, 0x9e3779b9, MARKER_SHAPES.length, shapes);
    colors.add(color);
    shapes.add(shape);
    styles.set(key, { color: PALETTE[color]!, shape: MARKER_SHAPES[shape]! });
  }
  return styles;
}

/** Every loaded series' key, in load order (kept while no series is added or removed). */
const selectSeriesKeys = createSelector([selectPoints], (points) => [...new Set(points.map((p) => p.seriesKey))], {
  equal: sameItems,
});

/** Colour and marker of every loaded series (hidden ones included, so showing one again changes nothing). */
export const selectSeriesStyles = createSelector([selectSeriesKeys], (keys) => seriesStyles(keys));

/** The colour of every loaded series. */
export const selectSeriesColors = createSelector(
  [selectSeriesStyles],
  (styles): Map<string, string> => new Map([...styles].map(([key, s]) => [key, s.color])),
);

/** An SVG path for a marker of half-size `r` centred on (cx, cy). */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const at = ([x, y]: [number, number]) => `${(cx + x).toFixed(2)},${(cy + y).toFixed(2)}`;
  const pts = (list: Array<[number, number]>) => `M${list.map(at).join('L')}Z`;
  const polygon = (n: number, radius: number, rotation: number) =>
    Array.from({ length: n }, (_, i): [number, number] => {
      const a = rotation + (i * 2 * Math.PI) / n;
      return [radius * Math.cos(a), radius * Math.sin(a)];
    });
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return pts([
        [-r * 0.85, -r * 0.85],
        [r * 0.85, -r * 0.85],
        [r * 0.85, r * 0.85],
        [-r * 0.85, r * 0.85],
      ]);
    case 'triangle':
      return pts(polygon(3, r * 1.15, -Math.PI / 2));
    case 'triangleDown':
      return pts(polygon(3, r * 1.15, Math.PI / 2));
    case 'diamond':
      return pts(polygon(4, r * 1.15, 0));
    case 'plus': {
      const a = r;
      const b = r * 0.38;
      return pts([
        [-b, -a],
        [b, -a],
        [b, -b],
        [a, -b],
        [a, b],
        [b, b],
        [b, a],
        [-b, a],
        [-b, b],
        [-a, b],
        [-a, -b],
        [-b, -b],
      ]);
    }
    case 'star':
      return pts(
        Array.from({ length: 10 }, (_, i): [number, number] => {
          const radius = i % 2 === 0 ? r * 1.2 : r * 0.5;
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          return [radius * Math.cos(a), radius * Math.sin(a)];
        }),
      );
    case 'wye': {
      const arms = polygon(3, r * 1.1, -Math.PI / 2);
      const inner = polygon(3, r * 0.4, Math.PI / 2);
      return pts([arms[0]!, inner[2]!, arms[1]!, inner[0]!, arms[2]!, inner[1]!]);
    }
  }
}
