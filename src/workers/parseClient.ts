/**
 * Promise API over the parse worker. One worker, started on first use; batches are answered by id.
 * Without Worker support (unit tests) the same code runs on the main thread.
 */
import type { FileToParse, FromWorker, ParseBatchResult, ParseProgress } from './protocol.ts';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { files: FileToParse[]; resolve: (r: ParseBatchResult) => void; onProgress: (p: ParseProgress) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.type === 'progress') entry.onProgress(message.progress);
      else {
        pending.delete(message.id);
        entry.resolve(message.result);
      }
    };
    // If the worker itself dies (out of memory on a huge file, a bug), every file in flight gets an error
    // instead of a promise that never settles; the next batch starts a fresh worker.
    worker.onerror = (event) => {
      event.preventDefault();
      const reason = `the parser stopped unexpectedly (${event.message || 'worker error'})`;
      for (const entry of pending.values()) entry.resolve({ runs: [], errors: entry.files.map((f) => ({ file: f.path, reason })), skipped: [] });
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

export function parseInBackground(files: FileToParse[], onProgress: (progress: ParseProgress) => void): Promise<ParseBatchResult> {
  // Loaded only here, so the parsers stay in the worker's chunk and out of the page's initial JavaScript.
  if (typeof Worker === 'undefined') return import('./parseFiles.ts').then(({ parseFiles }) => parseFiles(files, onProgress));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { files, resolve, onProgress });
    getWorker().postMessage({ type: 'parse', id, files });
  });
}
