/// <reference lib="webworker" />
/** The parse worker: a thin shell around `parseFiles`, so big files never block the page. */
import { parseFiles } from './parseFiles.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { id, files, mappings } = event.data;
  const result = await parseFiles(files, (progress) => scope.postMessage({ type: 'progress', id, progress } satisfies FromWorker), { mappings });
  scope.postMessage({ type: 'done', id, result } satisfies FromWorker);
};
