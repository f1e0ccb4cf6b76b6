/**
 * The log-scale rule of the chart's x axis (docs/method.md §Chart): log when the plotted latencies span more than
 * 20× (largest ÷ smallest positive value), across every given series; the view keeps the user's choice unless
 * `logXAuto` is set.
 */
import { describe, expect, it } from 'vitest';
import { effectiveView, prefersLogX } from '../../../src/core/analysis/projection.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { ChartView } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

/** A series whose levels have these TTFT averages (undefined: the level does not report TTFT). */
function ttfts(...values: (number | undefined)[]): { points: LoadPoint[] } {
  return {
    points: values.map((avg, i) => point({ concurrency: i + 1, ...(avg === undefined ? {} : { ttftMs: { avg } }) })),
  };
}

const x = { metric: 'ttft', stat: 'avg' } as const;
const view = (logX: boolean, logXAuto?: boolean): ChartView => ({
  x,
  y: 'requestsPerSecond',
  logX,
  ...(logXAuto === undefined ? {} : { logXAuto }),
});

describe('prefersLogX', () => {
  it('is true above a span of 20, false at 20 exactly', () => {
    expect(prefersLogX([ttfts(10, 200)], { x })).toBe(false); // 200 ÷ 10 = 20
    expect(prefersLogX([ttfts(10, 201)], { x })).toBe(true); // 20.1
    expect(prefersLogX([ttfts(10, 150)], { x })).toBe(false); // 15
  });

  it('reads the smallest and the largest value wherever they are in the list', () => {
    expect(prefersLogX([ttfts(10, 300, 50)], { x })).toBe(true); // 300 ÷ 10 = 30
    expect(prefersLogX([ttfts(300, 10, 50)], { x })).toBe(true);
    expect(prefersLogX([ttfts(50, 300, 10)], { x })).toBe(true);
  });

  it('spans every series together', () => {
    expect(prefersLogX([ttfts(10, 15), ttfts(150, 300)], { x })).toBe(true); // 300 ÷ 10
    expect(prefersLogX([ttfts(100, 150), ttfts(150, 300)], { x })).toBe(false); // 300 ÷ 100
  });

  it('leaves out zero, negative and missing values', () => {
    // Counting 0 would make the span infinite; counting −5 would make it negative.
    expect(prefersLogX([ttfts(0, 10, undefined, 150)], { x })).toBe(false);
    expect(prefersLogX([ttfts(-5, 10, 150)], { x })).toBe(false);
    expect(prefersLogX([ttfts(undefined, 10, 0, 201)], { x })).toBe(true);
  });

  it('is false with nothing to plot', () => {
    expect(prefersLogX([], { x })).toBe(false);
    expect(prefersLogX([ttfts(undefined, 0)], { x })).toBe(false);
  });
});

describe('effectiveView', () => {
  const wide = [ttfts(10, 300)];
  const narrow = [ttfts(10, 100)];

  it("keeps the user's choice when the axis is not automatic", () => {
    for (const v of [view(false), view(true), view(false, false)]) expect(effectiveView(v, wide)).toBe(v);
    expect(effectiveView(view(true, false), narrow).logX).toBe(true);
  });

  it('follows the data when automatic, returning the same view when nothing changes', () => {
    expect(effectiveView(view(false, true), wide)).toEqual(view(true, true));
    expect(effectiveView(view(true, true), narrow)).toEqual(view(false, true));
    const already = view(true, true);
    expect(effectiveView(already, wide)).toBe(already);
    const linear = view(false, true);
    expect(effectiveView(linear, narrow)).toBe(linear);
  });
});
