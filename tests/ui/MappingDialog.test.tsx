// @vitest-environment happy-dom
/**
 * The column-mapping dialog, as a person uses it: a refused CSV offers "Map columns…", the dialog starts from a
 * guess, the preview follows each choice, Escape closes it with the focus back on the button, Save reads the file.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/parsers/registry.ts';
import { selectPoints } from '../../src/store/selectors.ts';
import { LoadMessages } from '../../src/ui/upload/LoadMessages.tsx';
import { MappingList } from '../../src/ui/upload/MappingList.tsx';
import { renderWithStore } from './renderApp.tsx';

const PATH = 'lab/sheet.csv';
/** Typing and choosing through userEvent takes seconds; a loaded 2-core machine takes several times more. */
const SLOW = 30_000;
const SHEET = 'users,ttft_sec,done_per_min,note\n2,0.5,12,warm\n8,0.75,45,\n';

function refusedSheet() {
  const { store, ...rest } = renderWithStore(<LoadMessages />, { runs: [], origin: 'files' });
  const outcome = parseFile({ path: PATH, text: SHEET });
  if (outcome.kind !== 'error') throw new Error('the sheet should be refused');
  act(() => {
    store.getState().addLoaded({ runs: [], errors: [{ file: PATH, reason: outcome.reason }], skipped: [] }, 'files');
    store.getState().keepRefused([{ path: PATH, text: SHEET }]);
  });
  return { store, ...rest };
}

describe('the mapping dialog', () => {
  it(
    'starts from a guess, previews each choice, and Save reads the file into the scenario',
    async () => {
      const { store } = refusedSheet();
      await userEvent.click(screen.getByRole('button', { name: `Map columns… of ${PATH}` }));
      const dialog = await screen.findByRole('dialog', { name: `Map the columns of ${PATH}` });
      expect(document.activeElement).toBe(within(dialog).getByLabelText('Mapping name'));
      expect((within(dialog).getByLabelText('Mapping name') as HTMLInputElement).value).toBe('sheet');
      expect((within(dialog).getByLabelText('Applies to files matching') as HTMLInputElement).value).toBe('sheet.csv');

      // The guesses: users is the concurrency, ttft_sec a TTFT average in seconds; done_per_min is not recognised.
      expect((within(dialog).getByLabelText('users: is') as HTMLSelectElement).value).toBe('load.concurrency');
      expect((within(dialog).getByLabelText('ttft_sec: is') as HTMLSelectElement).value).toBe('ttftMs');
      expect((within(dialog).getByLabelText('ttft_sec: statistic') as HTMLSelectElement).value).toBe('avg');
      expect((within(dialog).getByLabelText('ttft_sec: unit') as HTMLSelectElement).value).toBe('s');
      expect((within(dialog).getByLabelText('done_per_min: is') as HTMLSelectElement).value).toBe('');
      expect(within(dialog).getByText('12')).toBeTruthy(); // the sample value of done_per_min
      const status = within(dialog).getByRole('status');
      expect(status.textContent).toBe(
        'Columns: must map requestsPerSecond or outputTokensPerSecond (or requestCount and durationS): ' +
          'every point needs a throughput',
      );
      const save = within(dialog).getByRole('button', { name: 'Save mapping and read the file' }) as HTMLButtonElement;
      expect(save.disabled).toBe(true);

      await userEvent.selectOptions(within(dialog).getByLabelText('done_per_min: is'), 'requestsPerSecond');
      expect((within(dialog).getByLabelText('done_per_min: unit') as HTMLSelectElement).value).toBe('/s');
      await userEvent.selectOptions(within(dialog).getByLabelText('done_per_min: unit'), '/min');
      expect(status.textContent).toBe('2 points in 1 series.');
      const previewRows = within(within(dialog).getByRole('region', { name: 'Preview' })).getAllByRole('row');
      expect(previewRows.map((r) => r.textContent)).toEqual([
        'SeriesLoadRequests/sOutput tokens/s',
        'lab / sheetconcurrency 20.2—',
        'lab / sheetconcurrency 80.75—',
      ]);

      await userEvent.clear(within(dialog).getByLabelText('Applies to files matching'));
      await userEvent.type(within(dialog).getByLabelText('Applies to files matching'), 'other*.csv');
      expect(status.textContent).toContain(
        '“Applies to” does not match this file (lab/sheet.csv): it would not be read.',
      );
      expect(save.disabled).toBe(true);
      await userEvent.clear(within(dialog).getByLabelText('Applies to files matching'));
      await userEvent.type(within(dialog).getByLabelText('Applies to files matching'), 'sheet*.csv');

      await userEvent.click(save);
      expect(screen.queryByRole('dialog')).toBeNull();
      // The file is read again through the parser (the worker on the page), then the notice says so.
      await waitFor(() => expect(store.getState().notices).toHaveLength(1));
      const state = store.getState();
      expect(state.settings.mappings).toEqual([
        {
          id: 'mapping-1',
          name: 'sheet',
          appliesTo: 'sheet*.csv',
          format: 'csv',
          fields: [
            { source: 'users', target: 'load.concurrency', unit: 'count' },
            { source: 'ttft_sec', target: 'ttftMs.avg', unit: 's' },
            { source: 'done_per_min', target: 'requestsPerSecond', unit: '/min' },
          ],
        },
      ]);
      expect(selectPoints(state).map((p) => [p.load.concurrency, p.requestsPerSecond, p.ttftMs.avg])).toEqual([
        [2, 0.2, 500],
        [8, 0.75, 750],
      ]);
      expect(state.loadErrors).toEqual([]);
      const notices = state.notices.map((n) => n.text);
      expect(notices).toEqual(['Mapping “sheet” saved in the scenario; 1 file read with it.']);
    },
    SLOW,
  );

  it(
    'closes on Escape without saving, with the focus back on its button',
    async () => {
      const { store } = refusedSheet();
      const button = screen.getByRole('button', { name: `Map columns… of ${PATH}` });
      await userEvent.click(button);
      await userEvent.selectOptions(await screen.findByLabelText('note: is'), 'series');
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(button);
      expect(store.getState().settings.mappings).toBeUndefined();
      // Opened again, it starts from the guess: nothing typed before was kept.
      await userEvent.click(button);
      expect(((await screen.findByLabelText('note: is')) as HTMLSelectElement).value).toBe('');
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).toBeNull();
    },
    SLOW,
  );
});

describe('the list of mappings', () => {
  it('shows each saved mapping and removes it', async () => {
    const { store } = renderWithStore(<MappingList />, { runs: [], origin: 'files' });
    expect(screen.queryByText('Column mappings')).toBeNull();
    act(() => {
      store.getState().saveMapping({
        id: 'm',
        name: 'lab sheet',
        appliesTo: 'sheet*.csv',
        format: 'csv',
        fields: [{ source: 'rps', target: 'requestsPerSecond', unit: '/s' }],
      });
    });
    expect(screen.getByRole('listitem').textContent).toBe('lab sheet CSV files matching sheet*.csv, 1 column Remove');
    await userEvent.click(screen.getByRole('button', { name: 'Remove mapping lab sheet' }));
    expect(store.getState().settings.mappings).toBeUndefined();
    expect(screen.queryByText('Column mappings')).toBeNull();
  });
});
