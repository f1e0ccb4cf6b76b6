// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/format/numbers.ts';
import { selectAllSeries, selectResults } from '../../src/store/selectors.ts';
import { ResultsTable } from '../../src/ui/results/ResultsTable.tsx';
import { SlaPanel } from '../../src/ui/sla/SlaPanel.tsx';
import { DemandForm } from '../../src/ui/forms/DemandForm.tsx';
import { HardwareForms } from '../../src/ui/forms/HardwareForm.tsx';
import { renderWithStore } from './renderApp.tsx';

function row(name: RegExp) {
  return screen.getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name }) !== null)!;
}
const cell = (r: HTMLElement, field: string) => r.querySelector(`[data-field="${field}"]`)?.textContent ?? '';

describe('ResultsTable', () => {
  it('shows the operating point, the fleet and the costs the core computed', () => {
    const { store } = renderWithStore(<ResultsTable />);
    const result = selectResults(store.getState())[0]!;
    const r = row(/meta_llama3-8b-instruct-openai-chat/);
    expect(cell(r, 'operatingPoint')).toMatch(/^c=10/);
    expect(cell(r, 'instances')).toBe('18exact 17.58');
    expect(cell(r, 'servers')).toBe('3exact 2.2');
    expect(cell(r, 'fleetYearUsd')).toBe('$357,000');
    expect(cell(r, 'costPer1MTokensUsd')).toBe(formatMoney(result.costs?.costPer1MTokensUsd.value));
    expect(screen.getByRole('columnheader', { name: 'USD per 1M output tokens' })).toBeTruthy();
  });

  it('follows an SLA typed into the number field', async () => {
    const { store } = renderWithStore(
      <>
        <SlaPanel />
        <ResultsTable />
      </>,
    );
    const input = screen.getByLabelText('TTFT avg at most');
    await userEvent.clear(input);
    await userEvent.type(input, '700');
    await userEvent.tab();
    expect(store.getState().settings.sla[0]?.bound).toBe(700);
    expect(cell(row(/meta_llama3/), 'operatingPoint')).toMatch(/^c=50/);
  });

  it('says why a series cannot meet the SLA', async () => {
    renderWithStore(
      <>
        <SlaPanel />
        <ResultsTable />
      </>,
    );
    const input = screen.getByLabelText('TTFT avg at most');
    await userEvent.clear(input);
    await userEvent.type(input, '10');
    await userEvent.tab();
    expect(row(/meta_llama3/).textContent).toContain(
      'cannot meet the SLA: even at the lowest load (concurrency 1) TTFT avg ≤ 10 ms but measured 24.6',
    );
  });

  it('marks the cheapest of several configurations and recomputes when a price is edited', async () => {
    const { store } = renderWithStore(
      <>
        <HardwareForms />
        <DemandForm />
        <ResultsTable />
      </>,
    );
    // A second configuration: the same runs as TP2 on a dearer server type
    const key = selectAllSeries(store.getState())[0]!.key;
    store.getState().addHardware({
      ...store.getState().settings.hardware[0]!,
      id: 'dear',
      name: 'Dear server',
      serverPriceUsd: 900_000,
    });
    store
      .getState()
      .addLoaded(
        { runs: store.getState().runs.map((r) => ({ ...r, runPath: `copy/${r.runPath}` })), errors: [], skipped: [] },
        'files',
      );
    const copyKey = selectAllSeries(store.getState()).find((s) => s.key !== key)!.key;
    store.getState().setSeriesSettings(copyKey, { name: 'Copy on dear hardware', hardware: 'dear' });
    expect(await screen.findByText('Cheapest')).toBeTruthy();
    expect(within(row(/meta_llama3/)).getByText('Cheapest')).toBeTruthy();
    // Make the first server type dearer still: the copy becomes the cheapest
    const prices = screen.getAllByLabelText(/^Server price/);
    await userEvent.clear(prices[0]!);
    await userEvent.type(prices[0]!, '2000000');
    await userEvent.tab();
    expect(within(row(/Copy on dear hardware/)).getByText('Cheapest')).toBeTruthy();
  });

  it('unfolds the formula behind the numbers', async () => {
    renderWithStore(<ResultsTable />);
    await userEvent.click(screen.getByRole('button', { name: 'How was this computed?' }));
    expect(
      screen.getByText('$320,000 ÷ 4 years + $4,500 licence × 8 GPUs + $3,000 hosting = $119,000 per server-year'),
    ).toBeTruthy();
    expect(screen.getByText('3 servers × $119,000 = $357,000 per year')).toBeTruthy();
  });
});

describe('a cost that cannot be computed', () => {
  it('shows "—" and says why', async () => {
    const { parseFile } = await import('../../src/core/parsers/registry.ts');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(
      join(import.meta.dirname, '../fixtures/real/genai-perf/gpt2-analyze-sweep.analyze_export_genai_perf.csv'),
      'utf8',
    );
    const outcome = parseFile({ path: 'gpt2-analyze-sweep.analyze_export_genai_perf.csv', text });
    const runs = outcome.kind === 'runs' ? outcome.runs : [];
    const { store } = renderWithStore(<ResultsTable />, { runs, origin: 'files' });
    store.getState().setSla(0, { metric: 'ttft', stat: 'p99', bound: 250 });
    // The analyze export has only p99 output lengths: no mean, so no cost per token.
    const r = await screen.findByRole('row', { name: /gpt2-analyze-sweep/ });
    const perToken = r.querySelector('[data-field="costPer1MTokensUsd"]')!;
    expect(perToken.textContent).toBe(
      '—not computed: the mean input and output lengths at the operating point are unknown ' +
        '(type them for the series)',
    );
    expect(perToken.getAttribute('title')).toBe(
      'Not computed: the mean input and output lengths at the operating point are unknown (type them for the series)',
    );
  });
});

describe('tokens/s per user defined differently by the loaded files', () => {
  it('warns on a tokens/s-per-user constraint', async () => {
    const { store } = renderWithStore(<SlaPanel />);
    // The NIM JSONs report OSL ÷ E2E; add a copy that reports 1 ÷ ITL.
    store.getState().addLoaded(
      {
        runs: store
          .getState()
          .runs.map((r) => ({ ...r, runPath: `new/${r.runPath}`, tpsPerUserDefinition: 'inverse-itl' as const })),
        errors: [],
        skipped: [],
      },
      'files',
    );
    expect(screen.queryByRole('note')).toBeNull();
    store.getState().addSla({ metric: 'tpsPerUser', stat: 'avg', bound: 20 });
    const note = (await screen.findByRole('note')).textContent ?? '';
    expect(note).toContain('The loaded files define tokens/s per user differently');
    expect(note).toContain('output tokens ÷ E2E');
    expect(note).toContain('1 ÷ ITL (excludes TTFT, reads higher)');
  });
});

describe('currency', () => {
  it('relabels every amount, header and form unit without converting', async () => {
    const { store } = renderWithStore(
      <>
        <HardwareForms />
        <ResultsTable />
      </>,
    );
    await userEvent.selectOptions(screen.getByLabelText('Currency of all amounts (no conversion)'), 'EUR');
    expect(store.getState().settings.currency).toBe('EUR');
    expect(cell(row(/meta_llama3/), 'fleetYearUsd')).toBe('€357,000');
    expect(screen.getByRole('columnheader', { name: 'EUR per 1M output tokens' })).toBeTruthy();
    expect(screen.getAllByText('EUR/year').length).toBeGreaterThan(0);
    const { resultsCsv } = await import('../../src/core/export/csvTables.ts');
    const { selectResults: results } = await import('../../src/store/selectors.ts');
    expect(resultsCsv(results(store.getState()), store.getState().settings).split('\r\n')[0]).toContain(
      'fleet cost per year (EUR)',
    );
  });
});
