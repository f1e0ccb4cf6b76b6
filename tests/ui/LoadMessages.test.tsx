// @vitest-environment happy-dom
/** What could not be read is listed compactly: one line per reason with a count, the files one click away. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LoadMessages } from '../../src/ui/upload/LoadMessages.tsx';
import { CANCELLED } from '../../src/workers/parseClient.ts';
import { renderWithStore } from './renderApp.tsx';

describe('LoadMessages', () => {
  it('groups refused files by reason with a count, and lists companions as skipped', async () => {
    const unknown = 'unknown format (first line: "hello")';
    const errors = [
      { file: 'a.txt', reason: unknown },
      { file: 'b.txt', reason: unknown },
      { file: 'broken.json', reason: 'invalid JSON: Unexpected end of JSON input (the file looks truncated)' },
      { file: 'c.txt', reason: unknown },
    ];
    const skipped = [{ file: 'run/profile_export.jsonl', reason: 'per-request records: not used yet' }];
    renderWithStore(<LoadMessages />, { runs: [], origin: 'files', loadErrors: errors, skipped });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('4 files could not be used')).toBeTruthy();
    const groups = within(alert)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement?.classList.contains('file-reasons'));
    expect(groups.map((g) => g.textContent)).toEqual([
      `3 files: ${unknown}a.txtb.txtc.txt`,
      'broken.json: invalid JSON: Unexpected end of JSON input (the file looks truncated)',
    ]);
    await userEvent.click(within(alert).getByText(`3 files: ${unknown}`));
    expect(within(alert).getByText('b.txt')).toBeTruthy();
    expect(screen.getByText('1 file skipped on purpose (companion files with no summary results)')).toBeTruthy();
  });

  it('lists files a cancelled load did not read in a group of their own, not as companions skipped on purpose', () => {
    const skipped = [
      { file: 'run/inputs.json', reason: 'GenAI-Perf inputs.json: the prompts sent, no results' },
      { file: 'big/profile_export.jsonl', reason: CANCELLED },
      { file: 'later/profile_export.jsonl', reason: CANCELLED },
    ];
    const { container } = renderWithStore(<LoadMessages />, { runs: [], origin: 'files', loadErrors: [], skipped });
    expect(screen.getByText('1 file skipped on purpose (companion files with no summary results)')).toBeTruthy();
    const cancelled = screen.getByText('2 files not read: cancelled by you — drop them again to load them');
    const group = cancelled.closest('details')!;
    const files = [...group.querySelectorAll('li')].map((li) => li.textContent);
    expect(files).toEqual(['big/profile_export.jsonl', 'later/profile_export.jsonl']);
    const companions = container.querySelector('.load-skipped:not(.load-cancelled)')!;
    expect(companions.textContent).not.toContain('profile_export.jsonl');
  });

  it('says "it" for one cancelled file, and shows no companion group when there is none', () => {
    const skipped = [{ file: 'big/profile_export.jsonl', reason: CANCELLED }];
    renderWithStore(<LoadMessages />, { runs: [], origin: 'files', loadErrors: [], skipped });
    expect(screen.getByText('1 file not read: cancelled by you — drop it again to load it')).toBeTruthy();
    expect(screen.queryByText(/skipped on purpose/)).toBeNull();
  });
});
