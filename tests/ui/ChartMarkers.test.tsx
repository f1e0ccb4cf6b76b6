// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LatencyThroughputChart } from '../../src/ui/chart/LatencyThroughputChart.tsx';
import { linePath } from '../../src/ui/chart/SeriesLayer.tsx';
import { tooltipOffset } from '../../src/ui/chart/ChartTooltip.tsx';
import { renderWithStore } from './renderApp.tsx';

describe('chart markers', () => {
  it('are hollow where a level fails the SLA, filled where it meets it, in the series colour and shape', async () => {
    renderWithStore(<LatencyThroughputChart width={900} />);
    await screen.findByRole('slider', { name: 'TTFT avg limit' });
    const markers = [...document.querySelectorAll('path.series-marker')];
    expect(markers).toHaveLength(7);
    const failing = markers.filter((m) => m.classList.contains('series-marker--infeasible'));
    // c=50, 100, 250 are over TTFT avg ≤ 250 ms
    expect(failing).toHaveLength(3);
    expect(failing.every((m) => m.getAttribute('fill') === '#ffffff')).toBe(true);
    const stroke = markers[0]!.getAttribute('stroke');
    expect(
      markers
        .filter((m) => m.classList.contains('series-marker--feasible'))
        .every((m) => m.getAttribute('fill') === stroke),
    ).toBe(true);
    expect(new Set(markers.map((m) => m.getAttribute('data-shape'))).size).toBe(1);
  });

  it('are joined by the series line in load order, and the axes are labelled with round ticks', async () => {
    renderWithStore(<LatencyThroughputChart width={900} />);
    await screen.findByRole('slider', { name: 'TTFT avg limit' });
    const line = document.querySelector('path.series-line')!.getAttribute('d')!;
    expect(line.match(/[ML]/g)).toHaveLength(7);
    // In load order: TTFT grows with concurrency in this sweep, so the vertices run left to right.
    const xs = [...line.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const ticks = [...document.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')];
    expect(ticks.map((t) => t.textContent)).toContain('1,000');
  });

  it('name the point under the pointer in a tooltip: series, load, verdict and every metric', async () => {
    renderWithStore(<LatencyThroughputChart width={900} />);
    await screen.findByRole('slider', { name: 'TTFT avg limit' });
    const failing = document.querySelector('path.series-marker--infeasible')!;
    act(() => {
      fireEvent.pointerOver(failing);
    });
    const tooltip = screen.getByRole('tooltip').textContent;
    expect(tooltip).toMatch(/^nim/);
    expect(tooltip).toMatch(/Load: c=(50|100|250)/);
    expect(tooltip).toMatch(/Fails the SLA: TTFT avg ≤ 250 ms, measured [\d,.]+ ms/);
    expect(tooltip).toContain('E2E');
    act(() => {
      fireEvent.pointerOut(failing);
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});

describe('linePath', () => {
  const points = [
    { cx: 0, cy: 10 },
    { cx: 5, cy: 20 },
    { cx: 9, cy: 15 },
  ];
  it('joins the points straight, or as a staircase holding a level until the next x or rising first', () => {
    expect(linePath(points)).toBe('M0,10L5,20L9,15');
    expect(linePath(points, 'after')).toBe('M0,10H5V20H9V15');
    expect(linePath(points, 'before')).toBe('M0,10V20H5V15H9');
    expect(linePath([])).toBe('');
  });
});

describe('tooltipOffset', () => {
  it('opens after the anchor if it fits, else before it, else as far in as the chart allows', () => {
    expect(tooltipOffset(100, 200, 500)).toBe(114);
    expect(tooltipOffset(400, 200, 500)).toBe(186);
    expect(tooltipOffset(150, 300, 400)).toBe(100);
    expect(tooltipOffset(150, 600, 400)).toBe(0);
  });
});
