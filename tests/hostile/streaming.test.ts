/**
 * Large per-request files in the parse worker's code: read as a stream (chunk by chunk, progress inside the file),
 * with the outcome of the whole-text parser; the size limits stated in the refusals; Cancel keeps what was read.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/parsers/registry.ts';
import type { ParseOutcome } from '../../src/core/parsers/types.ts';
import { MAX_STREAM_BYTES, STREAM_FROM_BYTES } from '../../src/core/parsers/stream/streamParsers.ts';
import { CANCELLED, parseInBackground } from '../../src/workers/parseClient.ts';
import type { WorkerLike } from '../../src/workers/parseClient.ts';
import { parseFiles } from '../../src/workers/parseFiles.ts';
import type { FileToParse, FromWorker, ToWorker } from '../../src/workers/protocol.ts';
import { transferables } from '../../src/workers/protocol.ts';
import { aiperfRecordsJsonl } from '../fixtures/perRequestSynthetic.ts';

async function readOne(file: FileToParse): Promise<{ outcome: ParseOutcome | undefined; progress: number[] }> {
  let outcome: ParseOutcome | undefined;
  const progress: number[] = [];
  await parseFiles([file], { start: () => undefined, bytes: (_i, bytes) => progress.push(bytes), file: (_i, o) => (outcome = o) });
  return { outcome, progress };
}

describe('large per-request files in the parse worker', () => {
  it('streams an AIPerf JSONL past the threshold, with progress inside it, to the whole-text outcome', async () => {
    const text = aiperfRecordsJsonl(STREAM_FROM_BYTES + 1024 * 1024);
    const path = 'big-concurrency100/profile_export.jsonl';
    const { outcome, progress } = await readOne({ path, file: new Blob([text]) });
    expect(outcome?.kind).toBe('runs');
    expect(outcome).toEqual(parseFile({ path, text }));
    expect(progress.length).toBeGreaterThan(0);
    // Only the per-request arrays cross to the page, moved rather than copied.
    const buffers = transferables(outcome!);
    expect(buffers.length).toBeGreaterThan(10);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
  }, 60_000);

  it('refuses a file too large to read whole that no stream parser claims, naming both limits', async () => {
    const { outcome } = await readOne({ path: 'huge.json', file: new Blob([new Uint8Array(64 * 2 ** 20 + 1).fill(32)]) });
    expect(outcome).toEqual({
      kind: 'error',
      reason:
        'the file is 65 MiB; the limit is 64 MiB (per-request files of AIPerf, profile_export.jsonl, and vLLM, ' +
        '--save-detailed results, are read as a stream up to 1024 MiB)',
    });
  });

  it('refuses a per-request file over the stream limit before reading it', async () => {
    const head = aiperfRecordsJsonl(70_000).slice(0, 70_000);
    const real = new Blob([head]);
    const huge = { size: MAX_STREAM_BYTES + 1, slice: (a?: number, b?: number) => real.slice(a, b), stream: () => real.stream() } as unknown as Blob;
    const { outcome } = await readOne({ path: 'profile_export.jsonl', file: huge });
    expect(outcome).toEqual({
      kind: 'error',
      reason: 'the file is 1025 MiB; NVIDIA AIPerf per-request records (profile_export.jsonl) is read up to 1024 MiB',
    });
  });
});

/** A worker that reads the first file, then hangs on the second (a very large file being read). */
class SlowWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  postMessage(message: ToWorker): void {
    if (message.type !== 'parse') return;
    const send = (data: FromWorker) => setTimeout(() => this.onmessage?.({ data } as MessageEvent<FromWorker>), 0);
    void parseFiles(message.files.slice(0, 1), { start: (i) => send({ type: 'start', index: i }), bytes: () => undefined, file: (i, o) => send({ type: 'file', index: i, outcome: o }) }).then(() =>
      send({ type: 'start', index: 1 }),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('Cancel', () => {
  it('ends the worker, keeps what was read and lists the rest as not read', async () => {
    const summary = { path: 'run-concurrency4/x.profile_export.jsonl', file: new Blob([aiperfRecordsJsonl(10_000)]) };
    const files = [summary, { path: 'big.jsonl', file: new Blob(['{}']) }, { path: 'later.json', file: new Blob(['{}']) }];
    const controller = new AbortController();
    const worker = new SlowWorker();
    const pending = parseInBackground(files, (p) => (p.filesDone === 1 ? setTimeout(() => controller.abort(), 5) : undefined), {
      createWorker: () => worker,
      signal: controller.signal,
    });
    const result = await pending;
    expect(worker.terminated).toBe(true);
    expect(result.runs).toHaveLength(1);
    expect(result.skipped).toEqual([
      { file: 'big.jsonl', reason: CANCELLED },
      { file: 'later.json', reason: CANCELLED },
    ]);
  });
});
