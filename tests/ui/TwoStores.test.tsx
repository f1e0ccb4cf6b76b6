// @vitest-environment happy-dom
/**
 * Two stores on one page (two <StoreProvider>s): each renders its own results, and an edit in one changes only it.
 * Selector caches shared between stores made each store's render evict the other's results, and React looped
 * ("Maximum update depth exceeded", "The result of getSnapshot should be cached").
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, initialState } from '../../src/store/appStore.ts';
import { StoreProvider } from '../../src/store/StoreProvider.tsx';
import { selectResults } from '../../src/store/selectors.ts';
import { DemandForm } from '../../src/ui/forms/DemandForm.tsx';
import { ResultsTable } from '../../src/ui/results/ResultsTable.tsx';
import { SeriesList } from '../../src/ui/series/SeriesList.tsx';
import { nimRuns } from './renderApp.tsx';

afterEach(() => vi.restoreAllMocks());

const fleet = (side: HTMLElement) => side.querySelector('[data-field="fleetYearUsd"]')?.textContent;

describe('two stores on one page', () => {
  it('keeps each store’s results its own, before and after an edit in one of them', async () => {
    const errors = vi.spyOn(console, 'error');
    const settings = initialState().settings;
    const left = createAppStore({ runs: nimRuns(), origin: 'files' });
    // The same sweep, named otherwise and sized for half the peak.
    const right = createAppStore({
      runs: nimRuns(),
      origin: 'files',
      settings: { ...settings, demand: { ...settings.demand, peak: 100 }, series: [{ match: 'nim', name: 'Right' }] },
    });
    const side = (store: typeof left, name: string) => (
      <section aria-label={name}>
        <StoreProvider store={store}>
          <DemandForm />
          <SeriesList />
          <ResultsTable />
        </StoreProvider>
      </section>
    );
    render(
      <>
        {side(left, 'left')}
        {side(right, 'right')}
      </>,
    );
    const [l, r] = [screen.getByRole('region', { name: 'left' }), screen.getByRole('region', { name: 'right' })];
    // Capacity 11.378 req/s per 1-GPU instance at c=10, 8-GPU servers at $119,000 a year:
    // 200 req/s → 17.58 → 18 instances → 3 servers; 100 req/s → 8.79 → 9 instances → 2 servers.
    expect(fleet(l)).toBe('$357,000');
    expect(fleet(r)).toBe('$238,000');
    const name = (side: HTMLElement) => within(side).getByLabelText('Series name');
    expect(name(l)).toHaveProperty('value', 'nim / meta_llama3-8b-instruct-openai-chat');
    expect(name(r)).toHaveProperty('value', 'Right');

    const peak = within(l).getByLabelText('Peak', { exact: true });
    await userEvent.clear(peak);
    await userEvent.type(peak, '50{Enter}');
    // 50 req/s → 4.39 → 5 instances → 1 server on the left; the right is untouched.
    expect(fleet(l)).toBe('$119,000');
    expect(fleet(r)).toBe('$238,000');
    expect(selectResults(left.getState())[0]?.sizing?.servers).toBe(1);
    expect(selectResults(right.getState())[0]?.sizing?.servers).toBe(2);
    expect(errors).not.toHaveBeenCalled();
  });
});
