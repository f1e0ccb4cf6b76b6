/**
 * The current view as a scenario document, and a scenario document back into the store. Used by the file
 * save/open buttons, the share link and the browser storage alike, so all three carry the same thing.
 */
import type { Scenario } from '../core/model/scenario.ts';
import { buildScenario } from '../core/scenario/scenarioCodec.ts';
import type { ScenarioResult } from '../core/scenario/validateScenario.ts';
import { readScenarioInBackground } from '../workers/parseClient.ts';
import type { AppState, AppStoreApi, DataOrigin } from './appStore.ts';
import { selectAllSeries, selectPoints } from './selectors.ts';

export function currentScenario(state: AppState): Scenario {
  const names = new Map(selectAllSeries(state).map((s) => [s.key, s.name]));
  return buildScenario(state.settings, selectPoints(state), names);
}

/**
 * Applies a validated scenario as one undoable step. With points, they replace the data; without (a link
 * that carried the assumptions only), the settings apply to the data already loaded.
 */
export function openScenario(store: AppStoreApi, scenario: Scenario, origin: DataOrigin = 'files'): void {
  const { points: embedded, ...settings } = scenario;
  // The `series` tag is the display name at save time, for people and the CLI; the store keys series by seriesKey.
  const points = embedded.map(({ series: _name, ...point }) => point);
  const state = store.getState();
  if (points.length > 0) store.getState().replaceAll({ settings, runs: [], embeddedPoints: points, origin });
  else
    store
      .getState()
      .replaceAll({ settings, runs: state.runs, embeddedPoints: state.embeddedPoints, origin: state.origin });
}

/**
 * Reads a scenario file as the CLI reads one (UTF-8 with or without a byte-order mark, or UTF-16), off the page's
 * thread.
 */
export function readScenarioFile(file: Blob): Promise<ScenarioResult> {
  return readScenarioInBackground(file);
}
