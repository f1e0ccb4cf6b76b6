/**
 * Reads and parses a batch of files, reporting progress: the body of the parse worker, also usable on
 * the main thread where workers are unavailable (tests). Each file on its own: one bad file never stops
 * the others.
 */
import type { ParseOptions } from '../core/parsers/registry.ts';
import { MAX_FILE_BYTES, parseFile } from '../core/parsers/registry.ts';
import type { FileToParse, ParseBatchResult, ParseProgress } from './protocol.ts';

/** Reads a Blob as UTF-8 in chunks so progress can be reported inside one large file. */
async function readText(blob: Blob, onBytes: (bytes: number) => void): Promise<string> {
  if (typeof blob.stream !== 'function') return blob.text();
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    onBytes(value.byteLength);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export async function parseFiles(files: readonly FileToParse[], onProgress: (progress: ParseProgress) => void, options: ParseOptions = {}): Promise<ParseBatchResult> {
  const result: ParseBatchResult = { runs: [], errors: [], skipped: [] };
  const progress: ParseProgress = { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: files.reduce((sum, f) => sum + f.file.size, 0) };
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (force || now - lastReport > 50) {
      lastReport = now;
      onProgress({ ...progress });
    }
  };
  for (const { file, path } of files) {
    if (file.size > MAX_FILE_BYTES) {
      result.errors.push({ file: path, reason: `the file is ${(file.size / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB` });
      progress.bytesDone += file.size;
    } else {
      try {
        const text = await readText(file, (bytes) => {
          progress.bytesDone += bytes;
          report();
        });
        const outcome = parseFile({ path, text }, options);
        if (outcome.kind === 'runs') result.runs.push(...outcome.runs);
        else (outcome.kind === 'error' ? result.errors : result.skipped).push({ file: path, reason: outcome.reason });
      } catch (error) {
        result.errors.push({ file: path, reason: `could not be read (${error instanceof Error ? error.message : String(error)})` });
      }
    }
    progress.filesDone++;
    report(progress.filesDone === files.length);
  }
  return result;
}
