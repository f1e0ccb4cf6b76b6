// @vitest-environment happy-dom
/**
 * Goodput in the page: the rule chosen in the SLA panel (saved as slaRule), the figures following a dragged bound,
 * and any percentile typed in a statistic menu. Data: the real NIM sweep with the concurrency-1 raw export.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { selectResults } from '../../src/store/selectors.ts';
import { GoodputChart } from '../../src/ui/chart/GoodputChart.tsx';
import { ResultsTable } from '../../src/ui/results/ResultsTable.tsx';
import { SlaPanel } from '../../src/ui/sla/SlaPanel.tsx';
import { nimRawRun, nimRuns, renderWithStore } from './renderApp.tsx';

const figures = () => screen.getByTestId('goodput-figures');

describe('goodput in the page', () => {
  it('shows goodput per load level and follows a bound being dragged', () => {
    const { store } = renderWithStore(<GoodputChart width={700} />, {
      runs: [...nimRuns(), nimRawRun()],
      origin: 'files',
    });
    // Default SLA TTFT avg ≤ 250 ms: all 53 requests of concurrency 1 are good (TTFT ≤ 26.3 ms).
    expect(within(figures()).getByText('100% (53 of 53)')).toBeTruthy();
    act(() => store.getState().previewSla(0, 25)); // a drag frame: 40 of 53 (tests/fixtures/perRequestOracle.py)
    expect(within(figures()).getByText('75.5% (40 of 53)')).toBeTruthy();
  });

  it('draws a dot per level with per-request data, named under the pointer, at the height of its share', () => {
    renderWithStore(<GoodputChart width={700} />, { runs: [...nimRuns(), nimRawRun()], origin: 'files' });
    const dots = [...document.querySelectorAll('circle.goodput-dot')];
    expect(dots).toHaveLength(1);
    // 100 % is the top of the plot: the highest y tick.
    const top = [...document.querySelectorAll('.recharts-yAxis-tick-labels text')].find(
      (t) => t.textContent === '100%',
    );
    expect(dots[0]!.getAttribute('cy')).toBe(top?.getAttribute('y'));
    act(() => {
      fireEvent.pointerOver(dots[0]!);
    });
    expect(screen.getByRole('tooltip').textContent).toMatch(/Load: c=1100% good \(53 of 53\), [\d.]+ good req\/s$/);
    act(() => {
      fireEvent.pointerOut(dots[0]!);
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('the goodput rule, chosen in the SLA panel, picks the operating point and is saved in the scenario', async () => {
    const { store } = renderWithStore(
      <>
        <SlaPanel />
        <ResultsTable />
      </>,
      { runs: [...nimRuns(), nimRawRun()], origin: 'files' },
    );
    expect(selectResults(store.getState())[0]?.pick.meetsSla).toBe(true); // statistic rule: concurrency 10
    await userEvent.click(screen.getByLabelText(/enough of its requests each meet every constraint/));
    expect(store.getState().settings.slaRule).toEqual({ kind: 'goodput', minPercent: 95 });
    // Only concurrency 1 has per-request data: it is the operating point, with its goodput beside it.
    const result = selectResults(store.getState())[0]!;
    expect(result.pick.meetsSla && result.pick.operatingPoint.point.load.concurrency).toBe(1);
    expect(document.querySelector('[data-field="goodput"]')?.textContent).toBe(' · 100% good (1.49 good req/s)');
    const percent = screen.getByLabelText('Good requests at least');
    await userEvent.clear(percent);
    await userEvent.type(percent, '99{Enter}');
    expect(store.getState().settings.slaRule).toEqual({ kind: 'goodput', minPercent: 99 });
  });

  it('says that no level can be checked when no per-request file is loaded', async () => {
    renderWithStore(<SlaPanel />);
    await userEvent.click(screen.getByLabelText(/enough of its requests each meet every constraint/));
    expect(screen.getByText(/No per-request file is loaded/)).toBeTruthy();
  });

  it('takes any percentile typed as "Other percentile…"', async () => {
    const { store } = renderWithStore(<SlaPanel />, { runs: [...nimRuns(), nimRawRun()], origin: 'files' });
    await userEvent.selectOptions(screen.getByLabelText('Statistic'), 'Other percentile…');
    await userEvent.type(screen.getByLabelText('Statistic: percentile between 0 and 100'), '99.90{Enter}');
    expect(store.getState().settings.sla[0]?.stat).toBe('p99.9');
    await userEvent.selectOptions(screen.getByLabelText('Statistic'), 'Other percentile…');
    await userEvent.type(screen.getByLabelText('Statistic: percentile between 0 and 100'), '97.5{Enter}');
    expect(store.getState().settings.sla[0]?.stat).toBe('p97.5');
    expect((screen.getByLabelText('Statistic') as HTMLSelectElement).value).toBe('p97.5');
  });
});
