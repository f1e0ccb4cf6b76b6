// @vitest-environment happy-dom
/**
 * After "Remove all data" the removed data set must not stay reachable (issue 11, heap after load/remove cycles).
 * recharts keeps each module-level selector's last result (reselect's `lastResult`) until it computes again, so a
 * chart's line points outlived the chart; the page then draws an empty line chart once.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { nimRawRun, nimRuns, renderWithStore } from './renderApp.tsx';

/** recharts' selector as the page's `import 'recharts'` resolves it here (Node takes the package's CommonJS main). */
async function linePointsSelector(): Promise<{ lastResult(): unknown }> {
  const path = 'recharts/lib/state/selectors/lineSelectors.js';
  const selectors = (await import(path)) as { selectLinePoints: { lastResult(): unknown } };
  return selectors.selectLinePoints;
}

describe('Remove all data', () => {
  it("lets go of the charts' last line points: an empty line chart drawn once, then removed", async () => {
    const selectLinePoints = await linePointsSelector();
    // With a per-request file, the goodput chart draws recharts lines.
    const { store } = renderWithStore(<App />, { runs: [...nimRuns(), nimRawRun()], origin: 'files' });
    await waitFor(() => expect(document.querySelectorAll('.recharts-line').length).toBeGreaterThan(0));
    const drawn = selectLinePoints.lastResult();
    expect(Array.isArray(drawn) && drawn.length).toBeGreaterThan(0);

    act(() => store.getState().clearData());
    expect(screen.getByTestId('release-chart-memory').querySelectorAll('.recharts-wrapper')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('release-chart-memory')).toBeNull(), { timeout: 3000 });
    const left = selectLinePoints.lastResult();
    expect(left === undefined || (Array.isArray(left) && left.length === 0)).toBe(true);
  });
});
