/**
 * Share links: the scenario compressed into the URL fragment, which browsers never send to a server.
 */
import { decodeShareLink, encodeShareLink } from '../core/scenario/scenarioCodec.ts';
import type { AppStoreApi } from './appStore.ts';
import { currentScenario, openScenario } from './scenarioIO.ts';

/** Opens the scenario of a share-link fragment. A damaged or hostile link is reported and nothing is loaded from it. */
export function openShareLink(store: AppStoreApi, fragment: string): boolean {
  const result = decodeShareLink(fragment);
  if (result === null) return false;
  if (!result.ok) {
    store
      .getState()
      .notify('error', `This share link could not be opened: ${result.message}. Nothing was loaded from it.`);
    return false;
  }
  openScenario(store, result.scenario);
  const points = result.scenario.points.length;
  store
    .getState()
    .notify(
      'info',
      points > 0
        ? `Opened the shared scenario with its ${points} benchmark points.`
        : 'Opened the shared assumptions (SLA, demand, prices). ' +
            'The link carried no benchmark data: load your files to see the result.',
    );
  return true;
}

/** The link to the current view, and whether it could carry the points. */
export function makeShareLink(
  store: AppStoreApi,
  baseUrl: string,
): { url: string; withPoints: boolean; pointCount: number } {
  const scenario = currentScenario(store.getState());
  const link = encodeShareLink(scenario);
  return {
    url: `${baseUrl.split('#')[0] ?? baseUrl}${link.fragment}`,
    withPoints: link.withPoints,
    pointCount: scenario.points.length,
  };
}
