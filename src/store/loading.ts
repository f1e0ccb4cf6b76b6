/**
 * Loading data into the store: user files through the parse worker (with progress), and the built-in demo.
 */
import type { FileToParse } from '../workers/protocol.ts';
import { parseInBackground } from '../workers/parseClient.ts';
import type { AppStoreApi } from './appStore.ts';
import { keepMappableFiles } from './mappings.ts';

/** The load under way, for its Cancel button. */
let current: AbortController | null = null;

export async function loadFiles(store: AppStoreApi, files: FileToParse[]): Promise<void> {
  if (files.length === 0) return;
  const { setLoading, addLoaded } = store.getState();
  // Bytes are counted once the worker has the files' sizes (parseClient.ts): reading them here blocks the page.
  setLoading({ filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: 0 });
  const controller = new AbortController();
  current = controller;
  // Marks for measuring the page's responsiveness while files are parsed (e2e: no long task in between).
  performance.mark('llm-tco:parse-start');
  try {
    const result = await parseInBackground(
      files,
      (progress) => (controller.signal.aborted ? undefined : setLoading(progress)),
      {
        signal: controller.signal,
        mappings: store.getState().settings.mappings,
      },
    );
    performance.mark('llm-tco:parse-end');
    addLoaded(result, 'files');
    // The page redraws with the new data in this task; what follows (the files kept for mapping, the end of the
    // progress bar) re-renders it again, so it waits for a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await keepMappableFiles(store, files, result.errors);
  } finally {
    if (current === controller) current = null;
    setLoading(null);
  }
}

/** Stops the load under way: what was read is kept, the rest is listed as not read. */
export function cancelLoading(): void {
  current?.abort();
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
