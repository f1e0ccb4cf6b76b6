/**
 * Promise API over the parse worker. Each batch gets a worker of its own, ended when the batch is read (its
 * memory goes with it). Each file has a time budget: a file the worker is still on when the budget runs out, or
 * that the worker dies on (out of memory, a bug), is reported by name, the worker is replaced, and the files
 * after it are read by the new one. Without Worker support (unit tests) the same code runs on the main thread.
 */
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import type { ParseOutcome } from '../core/parsers/types.ts';
import type { ScenarioResult } from '../core/scenario/validateScenario.ts';
import { readScenarioBlob } from './readScenario.ts';
import type { FileToParse, FromWorker, ParseBatchResult, ParseProgress, ToWorker } from './protocol.ts';
import { HANDOVER_FILES } from './protocol.ts';

/**
 * How long one file may go without progress (a 64 MiB per-request export takes about 2 s to parse once read). While
 * a large file is read its progress keeps it alive; the parse that follows the last byte has this long.
 */
export const FILE_TIME_BUDGET_MS = 15_000;

/** The reason given for the files a cancelled load did not read. */
export const CANCELLED = 'not read: loading was cancelled';

/** The part of a Worker used here (tests pass their own). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface ParseOptions {
  budgetMs?: number;
  createWorker?: () => WorkerLike | undefined;
  /** Cancels the load: the worker is ended, what was read is kept, the other files are listed as not read. */
  signal?: AbortSignal;
  /** The scenario's column mappings, passed to the parser. */
  mappings?: readonly ColumnMapping[] | undefined;
}

function defaultWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
  } catch {
    return undefined; // workers refused (a strict content policy): parse on the main thread
  }
}

export function parseInBackground(
  files: FileToParse[],
  onProgress: (progress: ParseProgress) => void,
  options: ParseOptions = {},
): Promise<ParseBatchResult> {
  const budgetMs = options.budgetMs ?? FILE_TIME_BUDGET_MS;
  const createWorker = options.createWorker ?? defaultWorker;
  const { mappings } = options;
  const result: ParseBatchResult = { runs: [], errors: [], skipped: [] };
  const done = new Array<boolean>(files.length).fill(false);
  // Sizes come from the worker (reading them here would block the page: see 'sizes' in protocol.ts); 0 until then.
  const sizes = new Array<number>(files.length).fill(0);
  const progress: ParseProgress = { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: 0 };
  const setSizes = (from: number, known: readonly number[]) => {
    known.forEach((size, i) => (sizes[from + i] = size));
    progress.bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  };
  let bytesOfDoneFiles = 0;
  let lastReport = 0;
  const report = (bytesOfCurrent: number, force = false) => {
    progress.bytesDone = bytesOfDoneFiles + bytesOfCurrent;
    const now = Date.now();
    if (force || now - lastReport > 50) {
      lastReport = now;
      onProgress({ ...progress });
    }
  };
  const record = (index: number, outcome: ParseOutcome) => {
    const entry = files[index];
    if (!entry || done[index]) return;
    done[index] = true;
    progress.filesDone++;
    bytesOfDoneFiles += sizes[index] ?? 0;
    if (outcome.kind === 'runs') result.runs.push(...outcome.runs);
    else (outcome.kind === 'error' ? result.errors : result.skipped).push({ file: entry.path, reason: outcome.reason });
    report(0, progress.filesDone === files.length);
  };

  const first = files.length > 0 ? createWorker() : undefined;
  if (first === undefined) {
    setSizes(
      0,
      files.map((f) => f.file.size),
    ); // all on this thread anyway
    // Loaded only here, so the parsers stay in the worker's chunk and out of the page's initial JavaScript.
    return import('./parseFiles.ts')
      .then(({ parseFiles }) =>
        parseFiles(
          files,
          { start: () => undefined, bytes: (_index, bytes) => report(bytes), file: record },
          { mappings },
        ),
      )
      .then(() => result);
  }

  return new Promise((resolve) => {
    let cancel: (() => void) | undefined;
    options.signal?.addEventListener('abort', () => cancel?.(), { once: true });
    /** Hands files[from…] to a worker; when it is stopped on a file, the next worker starts after that file. */
    const run = (worker: WorkerLike, from: number) => {
      let current = from;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let alive = true;
      const finish = () => {
        alive = false;
        clearTimeout(timer);
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        worker.terminate();
      };
      const stop = (reason: string) => {
        finish();
        // The file it was on; if it had finished that one, the next (so every restart moves on by a file).
        record(done[current] === true ? done.indexOf(false) : current, { kind: 'error', reason });
        const next = done.indexOf(false);
        const replacement = next >= 0 ? createWorker() : undefined;
        if (next < 0) resolve(result);
        else if (replacement) run(replacement, next);
        else {
          setSizes(
            next,
            files.slice(next).map((f) => f.file.size),
          );
          void import('./parseFiles.ts')
            .then(({ parseFiles }) =>
              parseFiles(
                files.slice(next),
                { start: () => undefined, bytes: () => undefined, file: (i, o) => record(next + i, o) },
                { mappings },
              ),
            )
            .then(() => resolve(result));
        }
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => stop(`reading it took longer than ${budgetMs / 1000} s, so it was stopped; the other files were read`),
          budgetMs,
        );
      };
      cancel = () => {
        finish();
        files.forEach((_, i) => record(i, { kind: 'skipped', reason: CANCELLED }));
        resolve(result);
      };
      if (options.signal?.aborted) {
        cancel();
        return;
      }
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === 'sizes') {
          setSizes(from + message.from, message.sizes);
          report(0, true);
        } else if (message.type === 'start') {
          current = from + message.index;
          arm();
        } else if (message.type === 'bytes') {
          arm(); // a file being read is alive
          report(message.bytes);
        } else if (message.type === 'file') record(from + message.index, message.outcome);
        else {
          finish();
          resolve(result);
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        stop(
          `the parser stopped while reading it (${event.message || 'out of memory or a crash'}); ` +
            'the other files were read',
        );
      };
      worker.onmessageerror = () => stop('its result could not be passed back to the page; the other files were read');
      // The files go over in parts, the page yielding between them (HANDOVER_FILES); the budget runs from each part
      // too, so a worker waiting for the next part is not taken for a stuck one.
      const handOver = async () => {
        for (let at = from; at < files.length; at += HANDOVER_FILES) {
          if (at > from) await new Promise((resolve) => setTimeout(resolve, 0));
          if (!alive) return;
          const end = Math.min(files.length, at + HANDOVER_FILES);
          worker.postMessage({ type: 'parse', files: files.slice(at, end), mappings, last: end === files.length });
          arm(); // a worker that never starts is stopped too
        }
      };
      void handOver();
    };
    run(first, 0);
  });
}

/**
 * Reads a scenario file in a worker of its own (decoding, the shape check, parsing and validation of a file of
 * tens of MB stay off the page's thread), within the same time budget; without workers, on the main thread.
 */
export function readScenarioInBackground(file: Blob, options: ParseOptions = {}): Promise<ScenarioResult> {
  const budgetMs = options.budgetMs ?? FILE_TIME_BUDGET_MS;
  const worker = (options.createWorker ?? defaultWorker)();
  if (worker === undefined) return readScenarioBlob(file);
  return new Promise((resolve) => {
    const end = (result: ScenarioResult) => {
      clearTimeout(timer);
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        end({
          ok: false,
          field: 'file',
          message: `reading it took longer than ${budgetMs / 1000} s, so it was stopped`,
        }),
      budgetMs,
    );
    worker.onmessage = (event) => {
      if (event.data.type === 'scenario') end(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end({
        ok: false,
        field: 'file',
        message: `the reader stopped while reading it (${event.message || 'out of memory or a crash'})`,
      });
    };
    worker.onmessageerror = () =>
      end({ ok: false, field: 'file', message: 'its content could not be passed back to the page' });
    worker.postMessage({ type: 'scenario', file });
  });
}
