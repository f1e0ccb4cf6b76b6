/**
 * Promise API over the parse worker. One worker, started on first use; batches are answered by id.
 * Without Worker support (unit tests) the same code runs on the main thread.
 */
import { parseFiles } from './parseFiles.ts';
import type { FileToParse, FromWorker, ParseBatchResult, ParseProgress } from './protocol.ts';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: ParseBatchResult) => void; onProgress: (p: ParseProgress) => void }>();

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
  }
  return worker;
}

export function parseInBackground(files: FileToParse[], onProgress: (progress: ParseProgress) => void): Promise<ParseBatchResult> {
  if (typeof Worker === 'undefined') return parseFiles(files, onProgress);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress });
    getWorker().postMessage({ type: 'parse', id, files });
  });
}
