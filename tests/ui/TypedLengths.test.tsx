// @vitest-environment happy-dom
/**
 * Files without mean lengths (genai-perf analyze CSV): the user types them per series, the per-token costs follow,
 * and the default TTFT avg limit moves to the p99 the file reports (with a notice) when such files load.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/parsers/registry.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { selectAllSeries, selectResults } from '../../src/store/selectors.ts';
import { SeriesList } from '../../src/ui/series/SeriesList.tsx';
import { renderWithStore } from './renderApp.tsx';

const ANALYZE = 'gpt2-analyze-sweep.analyze_export_genai_perf.csv';
function analyzeRuns() {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/real/genai-perf', ANALYZE), 'utf8');
  const outcome = parseFile({ path: ANALYZE, text });
  if (outcome.kind !== 'runs') throw new Error('the analyze CSV must parse');
  return outcome.runs;
}

describe('typed mean lengths', () => {
  it('asks only for the length the files lack, and prices per token once it is typed', async () => {
    const store = createAppStore();
    store.getState().addLoaded({ runs: analyzeRuns(), errors: [], skipped: [] }, 'files');
    // The default limit was TTFT avg; the file reports p99 only.
    expect(store.getState().settings.sla[0]).toMatchObject({ metric: 'ttft', stat: 'p99' });
    expect(store.getState().notices.map((n) => n.text)).toContain(
      'TTFT avg is not in the loaded files: the limit now applies to TTFT p99, which they report.',
    );
    renderWithStore(<SeriesList />, {
      runs: store.getState().runs,
      settings: store.getState().settings,
      origin: 'files',
    });
    expect(screen.queryByLabelText(/Mean input tokens/)).toBeNull(); // the file's ISL column is the configured length
    const output = screen.getByLabelText(/Mean output tokens/);
    expect(selectResults(store.getState())[0]?.costs?.costPer1MTokensUsd.value).toBeNull();
    await userEvent.type(output, '-5');
    expect(screen.getByRole('alert').textContent).toContain('must be a number > 0');
  });

  it('stores the typed length in the series entry and clears it again', async () => {
    const first = createAppStore();
    first.getState().addLoaded({ runs: analyzeRuns(), errors: [], skipped: [] }, 'files');
    const { store } = renderWithStore(<SeriesList />, {
      runs: first.getState().runs,
      settings: first.getState().settings,
      origin: 'files',
    });
    const output = screen.getByLabelText(/Mean output tokens/);
    await userEvent.type(output, '125');
    const series = selectAllSeries(store.getState())[0]!;
    expect(series.typedOutputTokens).toBe(125);
    expect(store.getState().settings.series[0]).toMatchObject({ match: series.key, outputTokens: 125 });
    const result = selectResults(store.getState())[0]!;
    // Per 1M tokens = per 1K requests × 1000 ÷ (ISL 200 + OSL 125).
    expect(result.costs?.costPer1MTokensUsd.value).toBeCloseTo(
      ((result.costs?.costPer1kRequestsUsd.value ?? NaN) * 1000) / 325,
      12,
    );
    await userEvent.clear(output);
    expect(selectAllSeries(store.getState())[0]?.typedOutputTokens).toBeUndefined();
    expect('outputTokens' in (store.getState().settings.series[0] ?? {})).toBe(false);
    expect(selectResults(store.getState())[0]?.costs?.costPer1MTokensUsd.value).toBeNull();
  });
});
