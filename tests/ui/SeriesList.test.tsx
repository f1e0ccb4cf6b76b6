// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { selectAllSeries, selectResults } from '../../src/store/selectors.ts';
import { SeriesList } from '../../src/ui/series/SeriesList.tsx';
import { nimRuns, renderWithStore } from './renderApp.tsx';

function twoFolders() {
  const runs = nimRuns();
  return [
    ...runs.slice(0, 3).map((r) => ({ ...r, runPath: `a/${r.runPath}` })),
    ...runs.slice(3).map((r) => ({ ...r, runPath: `b-tp2/${r.runPath}` })),
  ];
}

describe('SeriesList', () => {
  it('renames, sets GPUs per instance, hides and removes a series', async () => {
    const { store } = renderWithStore(<SeriesList />, { runs: twoFolders(), origin: 'files' });
    const names = screen.getAllByLabelText('Series name');
    expect(names).toHaveLength(2);
    await userEvent.clear(names[0]!);
    await userEvent.type(names[0]!, 'H100 TP1');
    expect(selectAllSeries(store.getState())[0]?.name).toBe('H100 TP1');
    // The second folder is named …-tp2: its GPUs per instance were read from the name
    expect((screen.getAllByLabelText(/^GPUs per instance/)[1] as HTMLInputElement).value).toBe('2');
    // Each row's inputs are named after their configuration for screen readers.
    expect(screen.getByLabelText('GPUs per instance for H100 TP1')).toBeTruthy();
    await userEvent.click(screen.getAllByLabelText(/^Show/)[1]!);
    expect(selectResults(store.getState())).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Remove H100 TP1' }));
    expect(selectAllSeries(store.getState())).toHaveLength(1);
  });

  it('merges one series into another and splits them again', async () => {
    const { store } = renderWithStore(<SeriesList />, { runs: twoFolders(), origin: 'files' });
    const [first, second] = selectAllSeries(store.getState());
    await userEvent.selectOptions(screen.getAllByLabelText(/^Same configuration as/)[1]!, first!.name);
    expect(selectAllSeries(store.getState())).toHaveLength(2); // choosing is not merging yet
    await userEvent.click(screen.getAllByRole('button', { name: /^Merge/ })[1]!);
    expect(selectAllSeries(store.getState())).toHaveLength(1);
    expect(selectAllSeries(store.getState())[0]?.memberKeys).toEqual([first!.key, second!.key]);
    await userEvent.click(screen.getByRole('button', { name: /^Split \(2 merged\)/ }));
    expect(selectAllSeries(store.getState())).toHaveLength(2);
  });
});
