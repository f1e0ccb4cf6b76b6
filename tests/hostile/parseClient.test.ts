/**
 * The parse client's watchdog: a file the worker hangs on past its time budget, or dies on, is reported by name;
 * the worker is replaced and the files after it are read; what was read before is kept.
 */
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/workers/protocol.ts';
import { parseFiles } from '../../src/workers/parseFiles.ts';
import type { WorkerLike } from '../../src/workers/parseClient.ts';
import { parseInBackground } from '../../src/workers/parseClient.ts';
import { nimJsonText } from './corpus.ts';

/** A worker that runs the real parseFiles, except that it hangs on files named "hang…" and dies on "crash…". */
class FakeWorker implements WorkerLike {
  static started = 0;
  static terminated = 0;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private alive = true;
  constructor() {
    FakeWorker.started++;
  }
  private post(message: FromWorker) {
    if (this.alive) setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<FromWorker>), 0);
  }
  /** Parts received so far (the page hands files over in parts of HANDOVER_FILES). */
  parts: Array<{ files: number; last: boolean }> = [];
  private received = 0;
  private reading: Promise<void> = Promise.resolve();
  postMessage(message: ToWorker): void {
    if (message.type !== 'parse') throw new Error('this fake reads benchmark files only');
    const from = this.received;
    this.received += message.files.length;
    this.parts.push({ files: message.files.length, last: message.last });
    this.post({ type: 'sizes', from, sizes: message.files.map((f) => f.file.size) });
    this.reading = this.reading.then(async () => {
      for (const [i, file] of message.files.entries()) {
        const index = from + i;
        if (!this.alive) return;
        this.post({ type: 'start', index });
        if (file.path.startsWith('hang')) return new Promise<void>(() => undefined); // never answers again
        if (file.path.startsWith('crash')) {
          setTimeout(() => this.alive && this.onerror?.({ message: 'Out of memory', preventDefault: () => undefined } as ErrorEvent), 5);
          return new Promise<void>(() => undefined);
        }
        await parseFiles([file], { start: () => undefined, bytes: () => undefined, file: (_i, outcome) => this.post({ type: 'file', index, outcome }) });
      }
      if (message.last) this.post({ type: 'done' });
    });
  }
  terminate(): void {
    this.alive = false;
    FakeWorker.terminated++;
  }
}

const good = (c: number) => ({ path: `sweep/run-c${c}/profile_export_genai_perf.json`, file: new Blob([nimJsonText(c)]) });
const junk = (path: string) => ({ path, file: new Blob(['{}']) });

describe('parseInBackground', () => {
  it('reports a file that hangs past its budget by name, and reads the files after it in a new worker', async () => {
    FakeWorker.started = FakeWorker.terminated = 0;
    const files = [good(1), junk('hang-forever.json'), good(2), good(5)];
    const result = await parseInBackground(files, () => undefined, { budgetMs: 200, createWorker: () => new FakeWorker() });
    expect(result.runs.map((r) => r.load?.concurrency)).toEqual([1, 2, 5]);
    expect(result.errors).toEqual([{ file: 'hang-forever.json', reason: 'reading it took longer than 0.2 s, so it was stopped; the other files were read' }]);
    expect(FakeWorker.started).toBe(2);
    expect(FakeWorker.terminated).toBe(2); // the stuck one, and the second when its batch was done
  });

  it('reports a file the worker died on, keeps what it read before, and goes on', async () => {
    FakeWorker.started = FakeWorker.terminated = 0;
    const files = [good(1), junk('crash.json'), good(2), junk('hang.json'), junk('crash-2.json'), good(10)];
    const progress: number[] = [];
    const result = await parseInBackground(files, (p) => progress.push(p.filesDone), { budgetMs: 200, createWorker: () => new FakeWorker() });
    expect(result.runs.map((r) => r.load?.concurrency)).toEqual([1, 2, 10]);
    expect(result.errors.map((e) => e.file)).toEqual(['crash.json', 'hang.json', 'crash-2.json']);
    expect(result.errors[0]?.reason).toBe('the parser stopped while reading it (Out of memory); the other files were read');
    expect(FakeWorker.started).toBe(4);
    expect(progress.at(-1)).toBe(6);
  });

  it("never reads a file's size on the page's thread when a worker runs: the worker sends the sizes", async () => {
    // A chosen file's size is a blocking file-system call the first time; a thousand of them froze the page ~1 s.
    const unsized = (path: string) => ({ path, file: { get size(): number { throw new Error(`size of ${path} read on the page`); } } as unknown as Blob });
    const sizesOnly: WorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        if (message.type !== 'parse') return;
        const answer = (data: FromWorker) => setTimeout(() => this.onmessage?.({ data } as MessageEvent<FromWorker>), 0);
        answer({ type: 'sizes', from: 0, sizes: message.files.map((_, i) => 1000 * (i + 1)) });
        message.files.forEach((_, index) => answer({ type: 'file', index, outcome: { kind: 'skipped', reason: 'fake' } }));
        answer({ type: 'done' });
      },
      terminate: () => undefined,
    };
    const totals: number[] = [];
    const result = await parseInBackground([unsized('a.json'), unsized('b.json')], (p) => totals.push(p.bytesTotal), { createWorker: () => sizesOnly });
    expect(result.skipped.map((s) => s.file)).toEqual(['a.json', 'b.json']);
    expect(totals.at(-1)).toBe(3000);
  });

  it('hands a thousand files over in parts, yielding to the page between them, and reads them all in order', async () => {
    const worker = new FakeWorker();
    const path = (i: number) => `sweep-${i}/run-c10/profile_export_genai_perf.json`;
    const files = Array.from({ length: 100 }, (_, i) => ({ path: path(i), file: new Blob([nimJsonText(10)]) }));
    const pending = parseInBackground(files, () => undefined, { createWorker: () => worker });
    expect(worker.parts).toEqual([{ files: 32, last: false }]); // the rest after the page has had a turn
    const result = await pending;
    expect(worker.parts).toEqual([{ files: 32, last: false }, { files: 32, last: false }, { files: 32, last: false }, { files: 4, last: true }]);
    expect(result.runs.map((r) => r.source.path)).toEqual(Array.from({ length: 100 }, (_, i) => path(i)));
  });

  it('gives every file an answer when no worker can be started again', async () => {
    let made = 0;
    const result = await parseInBackground([junk('crash.json'), good(1)], () => undefined, {
      budgetMs: 200,
      createWorker: () => (made++ === 0 ? new FakeWorker() : undefined),
    });
    expect(result.errors.map((e) => e.file)).toEqual(['crash.json']);
    expect(result.runs).toHaveLength(1); // read on the main thread instead
  });
});
