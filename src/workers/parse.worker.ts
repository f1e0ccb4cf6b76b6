/// <reference lib="webworker" />
/**
 * The parse worker: a thin shell around `parseFiles` and `readScenarioBlob`, so big files never block the page.
 * One batch (or one scenario file) per worker; a batch arrives in parts (HANDOVER_FILES), read in order as they come.
 */
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import { parseFiles } from './parseFiles.ts';
import { readScenarioBlob } from './readScenario.ts';
import type { FileToParse, FromWorker, ToWorker } from './protocol.ts';
import { transferables } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

const batch: FileToParse[] = [];
let mappings: readonly ColumnMapping[] | undefined;
let complete = false;
let reading = false;
/** Wakes the reading loop when a part arrives. */
let arrived: (() => void) | undefined;

async function readBatch(): Promise<void> {
  reading = true;
  for (let index = 0; ; index++) {
    while (index >= batch.length && !complete) await new Promise<void>((resolve) => (arrived = resolve));
    const file = batch[index];
    if (file === undefined) break;
    await parseFiles(
      [file],
      {
        start: () => post({ type: 'start', index }),
        bytes: (_i, bytes) => post({ type: 'bytes', index, bytes }),
        // Per-request columns are moved to the page, not copied: only compact arrays cross.
        file: (_i, outcome) =>
          scope.postMessage({ type: 'file', index, outcome } satisfies FromWorker, transferables(outcome)),
      },
      { mappings },
    );
  }
  post({ type: 'done' });
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'scenario') {
    post({ type: 'scenario', result: await readScenarioBlob(message.file) });
    return;
  }
  post({ type: 'sizes', from: batch.length, sizes: message.files.map((f) => f.file.size) });
  batch.push(...message.files);
  mappings ??= message.mappings;
  complete = message.last;
  arrived?.();
  if (!reading) void readBatch();
};
