/** Series colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
import { selectPoints } from '../../store/selectors.ts';
import { memoizeLast } from '../../store/memo.ts';
import type { AppState } from '../../store/appStore.ts';

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#B8860B'];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#000000';
}

const colorsFor = memoizeLast((points: ReturnType<typeof selectPoints>) => {
  const colors = new Map<string, string>();
  for (const p of points) if (!colors.has(p.seriesKey)) colors.set(p.seriesKey, seriesColor(colors.size));
  return colors;
});

/**
 * A colour per series key, by the order the data was loaded in: hiding or merging a series does not recolour
 * the others (a merged series keeps its own colour).
 */
export const selectSeriesColors = (state: AppState): Map<string, string> => colorsFor(selectPoints(state));
