/**
 * Reads and parses files one by one: the body of the parse worker, also usable on the main thread where
 * workers are unavailable (tests). Each file on its own: one bad file never stops the others. Every step is
 * reported through `events`, so the page can keep what was read if the worker is stopped midway.
 *
 * How a file is read (a large per-request file as a stream, limits, encodings) is parseSource's rule
 * (src/core/parsers/stream/readSource.ts), the same as the CLI's.
 */
import type { ParseOptions } from '../core/parsers/registry.ts';
import type { ByteSource } from '../core/parsers/stream/readSource.ts';
import { parseSource } from '../core/parsers/stream/readSource.ts';
import type { ParseOutcome } from '../core/parsers/types.ts';
import type { FileToParse } from './protocol.ts';

/** Files larger than this are read in chunks, with progress inside the file. */
const STREAM_ABOVE_BYTES = 2 ** 20;

export interface ParseEvents {
  start(index: number): void;
  bytes(index: number, bytes: number): void;
  file(index: number, outcome: ParseOutcome): void;
}

/** A Blob's bytes for parseSource, which holds the rule for how any file is read (the CLI reads by it too). */
function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async *chunks() {
      // A summary file (KBs) is read in one go: a thousand of them would otherwise pay a stream each.
      if (blob.size <= STREAM_ABOVE_BYTES || typeof blob.stream !== 'function') {
        yield new Uint8Array(await blob.arrayBuffer());
        return;
      }
      const reader = blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        // A file refused before its end stops being read.
        await reader.cancel().catch(() => undefined);
      }
    },
  };
}

function readAndParse(
  { file, path }: FileToParse,
  onBytes: (bytes: number) => void,
  options: ParseOptions,
): Promise<ParseOutcome> {
  return parseSource(blobSource(file), path, (label) => new TextDecoder(label), { ...options, onBytes });
}

export async function parseFiles(
  files: readonly FileToParse[],
  events: ParseEvents,
  options: ParseOptions = {},
): Promise<void> {
  for (const [index, file] of files.entries()) {
    events.start(index);
    let lastReport = 0;
    const outcome = await readAndParse(
      file,
      (bytes) => {
        const now = Date.now();
        if (now - lastReport > 50) {
          lastReport = now;
          events.bytes(index, bytes);
        }
      },
      options,
    );
    events.file(index, outcome);
  }
}
