// @vitest-environment happy-dom
/**
 * The cost-vs-SLA chart: one step line per configuration, broken where it cannot meet the bound, and a tooltip that
 * names the bound nearest the pointer and each configuration's value there (or that it cannot meet it).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format/numbers.ts';
import { selectSensitivity } from '../../src/store/selectors.ts';
import { SensitivityChart } from '../../src/ui/chart/SensitivityChart.tsx';
import { curvePath } from '../../src/ui/chart/SweepCurves.tsx';
import { renderWithStore } from './renderApp.tsx';

describe('curvePath', () => {
  it('holds each value until the next bound and breaks where a bound cannot be met', () => {
    const identity = (v: number) => v;
    expect(curvePath([1, 2, 3, 4, 5], [1, null, 3, 4, null], identity, identity)).toBe('M1,1M3,3H4V4');
    expect(curvePath([1, 2, 3], [5, 6, 7], identity, (v) => 10 * v)).toBe('M1,50H2V60H3V70');
    expect(curvePath([1, 2], [null, null], identity, identity)).toBe('');
  });
});

describe('the cost-vs-SLA chart', () => {
  it('draws a step line per configuration, one stretch per run of bounds it can meet', async () => {
    const { store } = renderWithStore(<SensitivityChart width={800} />);
    const line = await screen.findByTestId('sensitivity-chart');
    const paths = [...line.querySelectorAll('path.sweep-line')];
    expect(paths).toHaveLength(1);
    const { curves } = selectSensitivity(store.getState());
    const values = curves[0]!.costPer1MTokensUsd;
    // Each run of bounds the configuration can meet is one "M…" followed by "H…V…" steps.
    const runs = values.reduce<number>((n, v, i) => (v !== null && (i === 0 || values[i - 1] === null) ? n + 1 : n), 0);
    expect(paths[0]!.getAttribute('d')!.match(/M/g)).toHaveLength(runs);
    expect(paths[0]!.getAttribute('d')!.match(/H/g)).toHaveLength(values.filter((v) => v !== null).length - runs);
  });

  it('names the bound under the pointer and each configuration’s cost there', async () => {
    const { store } = renderWithStore(<SensitivityChart width={800} />);
    const chart = await screen.findByTestId('sensitivity-chart');
    const area = chart.querySelector('.sweep-curves rect')!;
    const { bounds, curves } = selectSensitivity(store.getState());
    // happy-dom lays nothing out: the pointer at the plot's left edge is nearest the first bound.
    act(() => {
      fireEvent.pointerMove(area, { clientX: 0, clientY: 50 });
    });
    const tooltip = screen.getByRole('tooltip').textContent;
    expect(tooltip).toContain(`TTFT avg limit ${formatNumber(bounds[0]!)} ms`);
    const first = curves[0]!.costPer1MTokensUsd[0];
    expect(tooltip).toContain(first === null || first === undefined ? 'cannot meet' : `$${first.toFixed(2)}`);
    act(() => {
      fireEvent.pointerLeave(area);
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
