/** The chart's rules, each decided once in the core: which constraint is drawn, when the x axis turns log. */
import { describe, expect, it } from 'vitest';
import { LOG_AXIS_SPAN, drawnConstraint, effectiveView, prefersLogX } from '../../../src/core/analysis/projection.ts';
import type { ChartView, SlaConstraint } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

const view = (metric: ChartView['x']['metric'], stat: ChartView['x']['stat']): ChartView => ({
  x: { metric, stat },
  y: 'requestsPerSecond',
  logX: false,
});
const c = (metric: SlaConstraint['metric'], stat: SlaConstraint['stat'], bound: number): SlaConstraint => ({
  metric,
  stat,
  bound,
});

describe('drawnConstraint', () => {
  const sla = [c('e2e', 'avg', 5000), c('ttft', 'p99', 900), c('ttft', 'avg', 250), c('ttft', 'avg', 300)];

  it('draws the first constraint on the axis metric and statistic', () => {
    expect(drawnConstraint(sla, view('ttft', 'avg'))).toEqual({ index: 2, constraint: c('ttft', 'avg', 250) });
    expect(drawnConstraint(sla, view('e2e', 'avg'))).toEqual({ index: 0, constraint: c('e2e', 'avg', 5000) });
  });

  it('else the first on the axis metric with another statistic', () => {
    expect(drawnConstraint(sla, view('ttft', 'p50'))).toEqual({ index: 1, constraint: c('ttft', 'p99', 900) });
  });

  it('draws nothing when no constraint is on the axis metric', () => {
    expect(drawnConstraint(sla, view('itl', 'avg'))).toBeUndefined();
    expect(drawnConstraint([], view('ttft', 'avg'))).toBeUndefined();
  });
});

describe('log x axis rule', () => {
  const at = (ttft: number, concurrency: number) => point({ concurrency, ttftMs: { avg: ttft } });
  const x = view('ttft', 'avg');

  it('turns log when the plotted values span more than 20×, not at exactly 20×', () => {
    expect(LOG_AXIS_SPAN).toBe(20);
    expect(prefersLogX([{ points: [at(10, 1), at(200, 2)] }], x)).toBe(false); // 200 ÷ 10 = 20
    expect(prefersLogX([{ points: [at(10, 1), at(201, 2)] }], x)).toBe(true); // 20.1
    // Across series, and ignoring values that are not positive: 5 → 150 is 30×.
    expect(prefersLogX([{ points: [at(0, 1), at(5, 2)] }, { points: [at(150, 1)] }], x)).toBe(true);
  });

  it('applies only while the view leaves the choice to the data', () => {
    const series = [{ points: [at(10, 1), at(1000, 2)] }];
    expect(effectiveView({ ...x, logXAuto: true }, series).logX).toBe(true);
    expect(effectiveView({ ...x, logXAuto: false }, series).logX).toBe(false);
  });
});
