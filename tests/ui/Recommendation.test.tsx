// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import { initialState } from '../../src/store/appStore.ts';
import { Recommendation } from '../../src/ui/results/Recommendation.tsx';
import { ResultsTable } from '../../src/ui/results/ResultsTable.tsx';
import { nimRuns, renderWithStore } from './renderApp.tsx';

/** The NIM runs again under another folder, optionally serving longer outputs (another workload). */
const copy = (folder: string, patch: Partial<ParsedRun> = {}): ParsedRun[] =>
  nimRuns().map((r) => ({ ...r, ...patch, runPath: `${folder}/${r.runPath}` }));
/** Runs with names per folder (ingest would name every copy after the same file pattern). */
const named = (runs: ParsedRun[], names: Record<string, string>) => {
  const base = initialState().settings;
  return {
    runs,
    origin: 'files' as const,
    settings: { ...base, series: Object.entries(names).map(([match, name]) => ({ match, name })) },
  };
};
const region = () => screen.getByRole('region', { name: 'Recommendation' });
const figure = (name: string) => region().querySelector(`[data-figure="${name}"] dd`)?.textContent;

describe('Recommendation', () => {
  it('names the configuration to buy with its servers, GPUs, yearly cost and unit costs, and why', async () => {
    const { store } = renderWithStore(
      <Recommendation />,
      named([...nimRuns(), ...copy('tp2')], { 'tp2/': 'TP2', 'nim/': 'TP1' }),
    );
    // The copy's folder is named tp2: 2 GPUs per instance, 5 servers instead of 3 (see the core tests for the numbers).
    expect(within(region()).getByText('TP1')).toBeTruthy();
    expect(figure('servers')).toBe('3 (18 GPUs)');
    expect(figure('fleetYearUsd')).toBe('$357,000');
    expect(figure('costPer1kRequestsUsd')).toBe('$0.05527');
    // $0.0552733 per 1K requests × 1000 ÷ (200.03 + 58.67 tokens) = $0.2137 per 1M tokens
    expect(figure('costPer1MTokensUsd')).toBe('$0.2137');
    expect(region().querySelector('.recommendation__why')?.textContent).toBe(
      'Why: 2× the requests/s per GPU of TP2 at TTFT avg ≤ 250 ms.',
    );
    // Dragging the SLA (a previewed bound) changes the answer live: at 700 ms concurrency 50 qualifies.
    act(() => store.getState().previewSla(0, 700));
    expect(figure('servers')).toBe('1 (8 GPUs)');
  });

  it('names no winner on a tie', () => {
    renderWithStore(<Recommendation />, named([...copy('a'), ...copy('b')], { 'a/': 'A', 'b/': 'B' }));
    expect(region().textContent).toContain(
      'No single answer: A and B cost the same ($357,000 a year, $0.05527 per 1K requests).',
    );
    expect(region().querySelector('[data-figure]')).toBeNull();
  });

  it('when nothing meets the SLA, says which constraint binds, by how much, and relaxes it on request', async () => {
    const { store } = renderWithStore(<Recommendation />);
    act(() => store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 10 }));
    const text = region().textContent ?? '';
    expect(text).toContain('Nothing meets the SLA.');
    // The lowest measured TTFT avg is 24.624 ms (concurrency 1): shown rounded up to 24.7 ms, +147 %.
    expect(text).toContain(
      'TTFT avg ≤ 10 ms → ≤ 24.7 ms (+147 %): ' +
        'nim / meta_llama3-8b-instruct-openai-chat then qualifies at concurrency 1.',
    );
    await userEvent.click(within(region()).getByRole('button', { name: 'Relax to 24.7 ms' }));
    expect(store.getState().settings.sla[0]?.bound).toBe(24.7);
    expect(figure('servers')).toBe('17 (134 GPUs)'); // 200 ÷ 1.4933 req/s = 133.9 → 134 instances → ceil(134 ÷ 8)
  });

  it('answers per workload when two are loaded, and the table names no cross-workload Cheapest', async () => {
    const { store } = renderWithStore(
      <>
        <Recommendation />
        <ResultsTable />
      </>,
      { runs: [...nimRuns(), ...copy('long', { outputTokens: { avg: 200 } })], origin: 'files' },
    );
    expect(region().textContent).toContain(
      '2 workloads are loaded: one answer each, as their costs are not comparable.',
    );
    expect(
      within(region())
        .getAllByText(/^Workload: /)
        .map((e) => e.textContent),
    ).toEqual([
      'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 200 tokens',
      'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens',
    ]);
    expect(document.querySelector('.badge--best')).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('These configurations serve 2 different workloads');
    expect([...document.querySelectorAll('.results-table__group')].map((g) => g.textContent)).toEqual([
      'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 200 tokens',
      'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens',
    ]);
    // Declared comparable: one ranking, one answer, a Cheapest badge… and here a tie, since the servers are the same.
    await userEvent.click(screen.getByLabelText('Compare across workloads (they serve the same work)'));
    expect(store.getState().settings.comparableWorkloads).toBe(true);
    expect(document.querySelectorAll('.results-table__group')).toHaveLength(0);
    expect(screen.getByRole('note').textContent).toContain('Every configuration is compared with every other');
  });

  it('ranks by the cost chosen beside it', async () => {
    const { store } = renderWithStore(
      <Recommendation />,
      named([...nimRuns(), ...copy('tp2')], { 'tp2/': 'TP2', 'nim/': 'TP1' }),
    );
    await userEvent.selectOptions(screen.getByLabelText('Rank by'), 'cost per 1M tokens');
    expect(store.getState().settings.rankBy).toBe('costPer1MTokensUsd');
    expect(region().querySelector('.recommendation__why')?.textContent).toBe(
      'Why: 2× the requests/s per GPU of TP2 at TTFT avg ≤ 250 ms.',
    );
  });

  it('offers the demo when nothing is loaded', () => {
    renderWithStore(<Recommendation />, { runs: [], origin: 'empty' });
    expect(region().textContent).toContain(
      'Load a benchmark sweep — drop its files or folders anywhere on this page — or open the demo.',
    );
    expect(within(region()).getByRole('button', { name: 'Open the demo' })).toBeTruthy();
  });
});
