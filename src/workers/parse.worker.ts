/// <reference lib="webworker" />
/**
 * The parse worker: a thin shell around `parseFiles` and `readScenarioBlob`, so big files never block the page.
 * One batch (or one scenario file) per worker.
 */
import { parseFiles } from './parseFiles.ts';
import { readScenarioBlob } from './readScenario.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { transferables } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'scenario') {
    post({ type: 'scenario', result: await readScenarioBlob(message.file) });
    return;
  }
  post({ type: 'sizes', sizes: message.files.map((f) => f.file.size) });
  await parseFiles(message.files, {
    start: (index) => post({ type: 'start', index }),
    bytes: (index, bytes) => post({ type: 'bytes', index, bytes }),
    // Per-request columns are moved to the page, not copied: only compact arrays cross.
    file: (index, outcome) => scope.postMessage({ type: 'file', index, outcome } satisfies FromWorker, transferables(outcome)),
  }, { mappings: message.mappings });
  post({ type: 'done' });
};
