/**
 * Loading data into the store: user files through the parse worker (with progress), and the built-in demo.
 */
import type { FileToParse } from '../workers/protocol.ts';
import { parseInBackground } from '../workers/parseClient.ts';
import type { AppStoreApi } from './appStore.ts';
import { keepMappableFiles } from './mappings.ts';

export async function loadFiles(store: AppStoreApi, files: FileToParse[]): Promise<void> {
  if (files.length === 0) return;
  const { setLoading, addLoaded } = store.getState();
  setLoading({ filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: files.reduce((s, f) => s + f.file.size, 0) });
  try {
    const result = await parseInBackground(files, setLoading, { mappings: store.getState().settings.mappings });
    addLoaded(result, 'files');
    await keepMappableFiles(store, files, result.errors);
  } finally {
    setLoading(null);
  }
}

/**
 * Replaces the data with the demo, as one undoable step (its module is fetched on demand). The user's SLA,
 * demand and prices stay as they are: the demo only adds its series' names and server types.
 */
export async function loadDemo(store: AppStoreApi): Promise<void> {
  const demo = await import('../demo/demo.ts');
  const settings = demo.demoSettings(store.getState().settings);
  store.getState().replaceAll({ settings, runs: demo.demoRuns(), embeddedPoints: [], origin: 'demo' });
}
