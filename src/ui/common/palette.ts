/** Series colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
import { selectAllSeries } from '../../store/selectors.ts';
import { memoizeLast } from '../../store/memo.ts';
import type { AppState } from '../../store/appStore.ts';

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#B8860B'];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#000000';
}

const colorsFor = memoizeLast((all: ReturnType<typeof selectAllSeries>) => new Map(all.map((s, i) => [s.key, seriesColor(i)])));

/** A colour per series key, by position among all series (hiding one does not recolour the others). */
export const selectSeriesColors = (state: AppState): Map<string, string> => colorsFor(selectAllSeries(state));
