// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LatencyThroughputChart } from '../../src/ui/chart/LatencyThroughputChart.tsx';
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
});
