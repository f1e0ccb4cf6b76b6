// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { selectResults } from '../../src/store/selectors.ts';
import { LatencyThroughputChart } from '../../src/ui/chart/LatencyThroughputChart.tsx';
import { niceStep, paddedDomain, roundForDisplay } from '../../src/ui/chart/scaleMath.ts';
import { renderWithStore } from './renderApp.tsx';

describe('SLA handle on the chart', () => {
  it('is a slider named after its metric and stat, valued at the bound in ms', async () => {
    renderWithStore(<LatencyThroughputChart width={900} />);
    const handle = await screen.findByRole('slider', { name: 'TTFT avg limit' });
    expect(handle.getAttribute('aria-valuenow')).toBe('250');
    expect(handle.getAttribute('aria-valuetext')).toBe('250 ms');
  });

  it('steps with the arrow keys, ×10 with Shift, and recomputes the operating point', async () => {
    const { store } = renderWithStore(<LatencyThroughputChart width={900} />);
    act(() => store.getState().setView({ logX: false, logXAuto: false })); // a linear axis: steps of a fixed size
    const handle = await screen.findByRole('slider', { name: 'TTFT avg limit' });
    const [min, max] = paddedDomain(
      store.getState().runs.map((r) => r.ttftMs.avg ?? 0),
      false,
    );
    const step = niceStep(max - min);
    act(() => void fireEvent.keyDown(handle, { key: 'ArrowRight' }));
    expect(Number(handle.getAttribute('aria-valuenow'))).toBeCloseTo(250 + step, 9);
    act(() => void fireEvent.keyDown(handle, { key: 'ArrowLeft', shiftKey: true }));
    expect(Number(handle.getAttribute('aria-valuenow'))).toBeCloseTo(250 + step - 10 * step, 9);
    expect(store.getState().settings.sla[0]?.bound).toBeCloseTo(250 - 9 * step, 9);
    // 250 − 9 × 20 = 70 ms: only concurrency 1 (24.6 ms) and 2 (35.0 ms) qualify → concurrency 2
    expect(
      selectResults(store.getState())[0]?.pick.meetsSla &&
        selectResults(store.getState())[0]?.sizing?.capacityPerInstance,
    ).toBe(store.getState().runs.find((r) => r.load?.concurrency === 2)?.requestsPerSecond);
  });

  it('does not let the keyboard event reach recharts (its tooltip keys)', async () => {
    renderWithStore(<LatencyThroughputChart width={900} />);
    const handle = await screen.findByRole('slider', { name: 'TTFT avg limit' });
    const outer = vi.fn();
    handle.closest('svg')?.parentElement?.addEventListener('keydown', outer);
    act(() => void fireEvent.keyDown(handle, { key: 'ArrowUp' }));
    expect(outer).not.toHaveBeenCalled();
  });

  it('is not drawn when the x axis shows another metric; the constraint still applies', async () => {
    const { store } = renderWithStore(<LatencyThroughputChart width={900} />);
    await screen.findByRole('slider');
    act(() => store.getState().setView({ x: { metric: 'itl', stat: 'avg' } }));
    expect(screen.queryByRole('slider')).toBeNull();
    expect(selectResults(store.getState())[0]?.pick.meetsSla).toBe(true);
  });
});

describe('scale helpers', () => {
  it.each([
    [1000, 10],
    [2600, 20],
    [450, 5],
    [7.3, 0.05],
  ])('niceStep(%d) = %d', (range, step) => expect(niceStep(range)).toBeCloseTo(step, 12));

  it('rounds dragged values to three significant digits', () => {
    expect(roundForDisplay(247.345)).toBe(247);
    expect(roundForDisplay(12.345)).toBe(12.3);
    expect(roundForDisplay(0.123456)).toBe(0.12);
  });

  it('pads a log domain multiplicatively and keeps it positive', () => {
    expect(paddedDomain([10, 1000, 0, -1], true)).toEqual([8, 1250]);
    expect(paddedDomain([], false)).toEqual([0, 1]);
  });
});

describe('paddedDomain on a linear axis', () => {
  it('ends on round numbers with some air', () => {
    // span 2,138.5 → tick step niceStep(2138.5) × 10 = 200; low: floor((17.5 − 64.2) / 200) × 200 < 0 → 0;
    // high: ceil((2,156 + 64.2) / 200) × 200 = 12 × 200 = 2,400
    expect(paddedDomain([17.5, 2156], false)).toEqual([0, 2400]);
    // span 2 → step 0.2: floor(9.94 / 0.2) × 0.2 = 9.8; ceil(12.06 / 0.2) × 0.2 = 12.2
    expect(paddedDomain([10, 12], false)).toEqual([9.8, 12.2]);
  });
});

describe('logTicks', () => {
  it('puts ticks at 1, 2 and 5 × 10^k inside the range', async () => {
    const { logTicks } = await import('../../src/ui/chart/scaleMath.ts');
    expect(logTicks(15.04, 2156)).toEqual([20, 50, 100, 200, 500, 1000, 2000]);
    expect(logTicks(0, 10)).toEqual([]);
  });
});

describe('stepBound (keyboard steps)', () => {
  it('steps by a fixed amount on a linear axis, between Home (one step above zero) and End', async () => {
    const { lowestBound, stepBound } = await import('../../src/ui/chart/SlaHandle.tsx');
    expect(stepBound(250, 1, 1, [0, 2400], false)).toBe(270); // niceStep(2400) = 20
    expect(stepBound(250, -1, 10, [0, 2400], false)).toBe(50);
    expect(lowestBound([0, 2400], false)).toBe(20);
    expect(stepBound(30, -1, 1, [0, 2400], false)).toBe(20); // stops at Home
    expect(stepBound(10, -1, 1, [0, 2400], false)).toBe(10); // typed below Home: a step down leaves it
    expect(stepBound(2390, 1, 10, [0, 2400], false)).toBe(2400);
  });

  it('steps by a ratio on a log axis: 50 steps a decade', async () => {
    const { stepBound } = await import('../../src/ui/chart/SlaHandle.tsx');
    expect(stepBound(250, 1, 1, [19, 2700], true)).toBe(262); // 250 × 10^(1/50) = 261.9
    expect(stepBound(250, -1, 10, [19, 2700], true)).toBe(158); // 250 ÷ 10^(0.2) = 157.7
    expect(stepBound(20, -1, 10, [19, 2700], true)).toBe(19); // not below the axis
  });
});
