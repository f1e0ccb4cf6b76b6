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
    await userEvent.tab();
    // 100 / 11.378 req/s = 8.79 → 9 instances
    expect(selectResults(store.getState())[0]?.sizing?.instances).toBe(9);
    await userEvent.clear(peak);
    await userEvent.type(peak, '-1');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Peak must be a number ≥ 0, got -1; still using 100.',
    );
    expect(store.getState().settings.demand.peak).toBe(100);
  });

  it('converts the peak when the unit changes, with the workload figures, and says how', async () => {
    const { store } = renderWithStore(<DemandForm />);
    await userEvent.selectOptions(screen.getByLabelText('Measured in'), 'concurrent requests');
    // Little's law at the operating point (concurrency 10, mean E2E 878.517 ms): 200 req/s × 0.8785 s = 175.7
    expect(store.getState().settings.demand).toMatchObject({ unit: 'concurrentRequests', peak: 175.7 });
    expect(screen.getByRole('status').textContent).toBe(
      'Converted 200 requests/s: 200 requests/s × 0.879 s mean E2E latency = 175.7 concurrent requests ' +
        "(Little's law) — figures of nim / meta_llama3-8b-instruct-openai-chat at concurrency 10.",
    );
    // 175.7 concurrent requests at concurrency 10 per instance = 17.57 → 18 instances
    expect(selectResults(store.getState())[0]?.sizing?.instances).toBe(18);
    // To output tokens/s: 175.7 ÷ 0.8785 s = 200 req/s × 58.67 tokens (mean OSL at concurrency 10) = 11,734
    await userEvent.selectOptions(screen.getByLabelText('Measured in'), 'output tokens/s');
    expect(store.getState().settings.demand).toMatchObject({ unit: 'outputTokensPerSecond', peak: 11730 });
    // Editing the peak supersedes the message.
    await userEvent.type(screen.getByLabelText('Peak', { exact: true }), '0{Enter}');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('estimates the peak from an average by a Poisson percentile and uses it', async () => {
    const { store } = renderWithStore(<DemandForm />);
    await userEvent.click(screen.getByText('Estimate the peak from averages'));
    expect(screen.getByText('224 requests/s')).toBeTruthy(); // poisson.ppf(0.95, 200)
    await userEvent.click(screen.getAllByRole('button', { name: 'Use as peak' })[0]!);
    // average ÷ peak = 200 / 224 = 0.8929, kept to three significant digits
    expect(store.getState().settings.demand).toMatchObject({
      unit: 'requestsPerSecond',
      peak: 224,
      averageToPeak: 0.893,
    });
  });
});
