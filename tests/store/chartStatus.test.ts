import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/appStore.ts';
import { selectChartSeries, selectView } from '../../src/store/selectors.ts';
import { nimRuns } from './nimRuns.ts';

const statuses = (store: ReturnType<typeof createAppStore>) =>
  selectChartSeries(store.getState())[0]!.points.map((p) => `${p.loadLabel} ${p.status}`);

describe('chart points carry their verdict under the committed SLA', () => {
  it('marks the load levels over the limit as failing, and follows a drag on release only', () => {
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    // TTFT avg: c=1 24.6, c=2 35.0, c=5 79.3, c=10 145.5, c=50 627.3, c=100 1019.7, c=250 2156.0 ms; limit 250 ms
    expect(statuses(store)).toEqual([
      'c=1 feasible',
      'c=2 feasible',
      'c=5 feasible',
      'c=10 feasible',
      'c=50 infeasible',
      'c=100 infeasible',
      'c=250 infeasible',
    ]);
    const before = selectChartSeries(store.getState());
    store.getState().previewSla(0, 700);
    expect(selectChartSeries(store.getState())).toBe(before); // a drag frame rebuilds nothing
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 700 });
    expect(statuses(store)[4]).toBe('c=50 feasible');
  });

  it('puts an axis spanning more than 20× on a log scale until the user decides', () => {
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    expect(selectView(store.getState()).logX).toBe(true); // 24.6 → 2,156 ms: 88×
    store.getState().setView({ x: { metric: 'itl', stat: 'avg' } });
    expect(selectView(store.getState()).logX).toBe(false); // ITL avg spans far less than 20×
    store.getState().setView({ logX: true, logXAuto: false });
    expect(selectView(store.getState()).logX).toBe(true);
  });
});

describe('results during a drag', () => {
  it('keep the same object for a series whose operating point does not move', async () => {
    const { selectResults } = await import('../../src/store/selectors.ts');
    const store = createAppStore({ runs: nimRuns(), origin: 'files' });
    const [before] = selectResults(store.getState());
    store.getState().previewSla(0, 300); // still concurrency 10 (145.5 ms; the next level is 627.3 ms)
    expect(selectResults(store.getState())[0]).toBe(before);
    store.getState().previewSla(0, 700); // concurrency 50 now qualifies
    expect(selectResults(store.getState())[0]).not.toBe(before);
  });
});
