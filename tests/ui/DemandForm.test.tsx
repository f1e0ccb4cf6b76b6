// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { selectResults } from '../../src/store/selectors.ts';
import { DemandForm } from '../../src/ui/forms/DemandForm.tsx';
import { renderWithStore } from './renderApp.tsx';

describe('DemandForm', () => {
  it('sizes for a new peak as it is typed, and refuses a negative one', async () => {
    const { store } = renderWithStore(<DemandForm />);
    const peak = screen.getByLabelText('Peak', { exact: true });
    await userEvent.clear(peak);
    await userEvent.type(peak, '100');
    // 100 / 11.378 req/s = 8.79 → 9 instances
    expect(selectResults(store.getState())[0]?.sizing?.instances).toBe(9);
    await userEvent.clear(peak);
    await userEvent.type(peak, '-1');
    expect(screen.getByRole('alert').textContent).toContain('Peak must be a number ≥ 0, got -1; still using 100.');
    expect(store.getState().settings.demand.peak).toBe(100);
  });

  it('switches the demand unit and sizes by concurrency', async () => {
    const { store } = renderWithStore(<DemandForm />);
    await userEvent.selectOptions(screen.getByLabelText('Measured in'), 'concurrent requests');
    // 200 concurrent requests at concurrency 10 per instance = 20 instances
    expect(selectResults(store.getState())[0]?.sizing?.instances).toBe(20);
  });

  it('estimates the peak from an average by a Poisson percentile and uses it', async () => {
    const { store } = renderWithStore(<DemandForm />);
    await userEvent.click(screen.getByText('Estimate the peak from averages'));
    expect(screen.getByText('224 requests/s')).toBeTruthy(); // poisson.ppf(0.95, 200)
    await userEvent.click(screen.getAllByRole('button', { name: 'Use as peak' })[0]!);
    // average ÷ peak = 200 / 224 = 0.8929, kept to three significant digits
    expect(store.getState().settings.demand).toMatchObject({ unit: 'requestsPerSecond', peak: 224, averageToPeak: 0.893 });
  });
});
