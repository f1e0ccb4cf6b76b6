/**
 * Reads and parses files one by one: the body of the parse worker, also usable on the main thread where
 * workers are unavailable (tests). Each file on its own: one bad file never stops the others. Every step is
 * reported through `events`, so the page can keep what was read if the worker is stopped midway.
 *
 * A large per-request file (STREAM_FROM_BYTES and more, claimed by a stream parser from its first bytes) is read as
 * a stream: each chunk is decoded and handed on, so its text is never held whole, and up to MAX_STREAM_BYTES.
 */
import { SNIFF_BYTES, decodeFile, sniffEncoding } from '../core/encoding.ts';
import type { ParseOptions } from '../core/parsers/registry.ts';
import { MAX_FILE_BYTES, parseFile } from '../core/parsers/registry.ts';
import {
  HEAD_BYTES,
  MAX_STREAM_BYTES,
  STREAM_FROM_BYTES,
  parseStream,
  streamParserFor,
} from '../core/parsers/stream/streamParsers.ts';
import type { ParseOutcome } from '../core/parsers/types.ts';
import type { FileToParse } from './protocol.ts';

/** Files larger than this are read in chunks, with progress inside the file. */
const STREAM_ABOVE_BYTES = 2 ** 20;

export interface ParseEvents {
  start(index: number): void;
  bytes(index: number, bytes: number): void;
  file(index: number, outcome: ParseOutcome): void;
}

/**
 * Reads a Blob as text in chunks so progress can be reported inside one large file. The first bytes decide the
 * encoding (UTF-8, UTF-16 with or without a byte-order mark) or that the file is an archive or other binary,
 * which comes back as `{binary}` with its name.
 */
async function readText(blob: Blob, onBytes: (bytes: number) => void): Promise<{ text: string } | { binary: string }> {
  // A summary file (KBs) is read in one go: a thousand of them would otherwise pay two reads each.
  if (blob.size <= STREAM_ABOVE_BYTES)
    return decodeFile(new Uint8Array(await blob.arrayBuffer()), (label) => new TextDecoder(label));
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffEncoding(head);
  if (sniffed.kind === 'binary') return { binary: sniffed.what };
  const decoder = new TextDecoder(sniffed.encoding);
  if (typeof blob.stream !== 'function') return { text: decoder.decode(await blob.arrayBuffer()) };
  const reader = blob.stream().getReader();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    total += value.byteLength;
    onBytes(total);
  }
  parts.push(decoder.decode());
  return { text: parts.join('') };
}

/** Whole MiB, rounded up: a file just over a limit never reads as equal to it. */
const mib = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MiB`;

/**
 * A large file a stream parser claims, read chunk by chunk; undefined when none claims it (it is then read whole,
 * if it is under MAX_FILE_BYTES).
 */
async function readStreamed(
  blob: Blob,
  path: string,
  onBytes: (bytes: number) => void,
): Promise<ParseOutcome | undefined> {
  if (typeof blob.stream !== 'function') return undefined;
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const sniffed = sniffEncoding(head.subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'binary') return undefined;
  const parser = streamParserFor(new TextDecoder(sniffed.encoding).decode(head), path);
  if (!parser) return undefined;
  if (blob.size > MAX_STREAM_BYTES) {
    return {
      kind: 'error',
      reason: `the file is ${mib(blob.size)}; ${parser.label} is read up to ${mib(MAX_STREAM_BYTES)}`,
    };
  }
  const decoder = new TextDecoder(sniffed.encoding);
  const reader = blob.stream().getReader();
  async function* chunks(): AsyncGenerator<string> {
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      onBytes(total);
      yield decoder.decode(value, { stream: true });
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  }
  return parseStream(parser, path, chunks());
}

async function readAndParse(
  { file, path }: FileToParse,
  onBytes: (bytes: number) => void,
  options: ParseOptions,
): Promise<ParseOutcome> {
  try {
    const streamed = file.size >= STREAM_FROM_BYTES ? await readStreamed(file, path, onBytes) : undefined;
    if (streamed) return streamed;
  } catch (error) {
    return { kind: 'error', reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (file.size > MAX_FILE_BYTES) {
    return {
      kind: 'error',
      reason:
        `the file is ${mib(file.size)}; the limit is ${mib(MAX_FILE_BYTES)} ` +
        '(per-request files of AIPerf, profile_export.jsonl, ' +
        `and vLLM, --save-detailed results, are read as a stream up to ${mib(MAX_STREAM_BYTES)})`,
    };
  }
  try {
    const read = await readText(file, onBytes);
    if ('binary' in read) return { kind: 'error', reason: `not a text benchmark export: this is ${read.binary}` };
    return parseFile({ path, text: read.text }, options);
  } catch (error) {
    return { kind: 'error', reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
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
