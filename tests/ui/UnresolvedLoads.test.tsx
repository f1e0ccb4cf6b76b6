// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import { selectPoints } from '../../src/store/selectors.ts';
import { LoadMessages } from '../../src/ui/upload/LoadMessages.tsx';
import { renderWithStore } from './renderApp.tsx';

const CSV =
  'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ms),120,1,1,1,1,1,1,1,1\n\n' +
  'Metric,Value\nRequest Throughput (per sec),4\n';

function mysteryRun(): ParsedRun[] {
  const outcome = parseFile({ path: 'mystery/profile_export_genai_perf.csv', text: CSV });
  return outcome.kind === 'runs' ? outcome.runs : [];
}

describe('a run without a load level', () => {
  it('asks for it, refuses a fractional concurrency, and uses the run once given', async () => {
    const { store } = renderWithStore(<LoadMessages />, { runs: mysteryRun(), origin: 'files' });
    expect(screen.getByText('1 run without a load level')).toBeTruthy();
    expect(selectPoints(store.getState())).toHaveLength(0);
    const input = screen.getByLabelText('Load level of mystery');
    await userEvent.type(input, '2.5');
    expect(screen.getByText('The load level must be a whole number > 0, got 2.5.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Use' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(input);
    await userEvent.type(input, '16');
    await userEvent.click(screen.getByRole('button', { name: 'Use' }));
    expect(selectPoints(store.getState()).map((p) => p.load)).toEqual([{ concurrency: 16, origin: 'user' }]);
    expect(screen.queryByText('1 run without a load level')).toBeNull();
  });

  it('is dropped by Dismiss, as one undoable step', async () => {
    const { store } = renderWithStore(<LoadMessages />, { runs: mysteryRun(), origin: 'files' });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(store.getState().runs).toEqual([]);
    store.getState().undo();
    expect(store.getState().runs).toHaveLength(1);
  });
});

describe('two runs with the same file name', () => {
  it('are asked for one by one: a level given to one does not apply to the other', async () => {
    const twice = [...mysteryRun(), ...mysteryRun()].map((r) => ({
      ...r,
      runPath: 'profile_export_genai_perf.csv',
      source: { ...r.source, path: 'profile_export_genai_perf.csv' },
    }));
    const { store } = renderWithStore(<LoadMessages />, { runs: [], origin: 'files' });
    act(() => store.getState().addLoaded({ runs: twice, errors: [], skipped: [] }, 'files'));
    expect(screen.getByText('2 runs without a load level')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Load level of profile_export_genai_perf.csv'), '16');
    await userEvent.click(screen.getAllByRole('button', { name: 'Use' })[0]!);
    expect(selectPoints(store.getState()).map((p) => p.load.concurrency)).toEqual([16]);
    expect(screen.getByText('1 run without a load level')).toBeTruthy();
    expect(screen.getByLabelText('Load level of profile_export_genai_perf.csv (2)')).toBeTruthy();
  });
});
