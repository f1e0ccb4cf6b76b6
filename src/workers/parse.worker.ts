/// <reference lib="webworker" />
/** The parse worker: a thin shell around `parseFiles`, so big files never block the page. One batch per worker. */
import { parseFiles } from './parseFiles.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  await parseFiles(event.data.files, {
    start: (index) => post({ type: 'start', index }),
    bytes: (index, bytes) => post({ type: 'bytes', index, bytes }),
    file: (index, outcome) => post({ type: 'file', index, outcome }),
  });
  post({ type: 'done' });
};
