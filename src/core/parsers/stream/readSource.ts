/**
 * One file's bytes in, its outcome out, read chunk by chunk: the rule for how a file is read, whatever feeds it
 * (the CLI from `fs.createReadStream`, the page's worker from a Blob: src/workers/parseFiles.ts).
 *
 *   1. The first bytes decide the encoding (UTF-8, UTF-16, with or without a byte-order mark) or that the file is
 *      binary (encoding.ts).
 *   2. A file of STREAM_FROM_BYTES or more that a stream parser claims from its first HEAD_BYTES is parsed as the
 *      chunks arrive, never held whole, up to MAX_STREAM_BYTES.
 *   3. Any other file over MAX_FILE_BYTES is refused before the rest of it is read.
 *   4. Any other file is gathered, decoded whole and parsed by `parseFile`.
 * Never throws: a failure is `{kind: 'error'}` with a reason a person can act on.
 */
import { SNIFF_BYTES, sniffEncoding } from '../../encoding.ts';
import type { TextEncodingLabel } from '../../encoding.ts';
import type { ParseOptions } from '../registry.ts';
import { MAX_FILE_BYTES, parseFile } from '../registry.ts';
import type { ParseOutcome } from '../types.ts';
import { HEAD_BYTES, MAX_STREAM_BYTES, STREAM_FROM_BYTES, parseStream, streamParserFor } from './streamParsers.ts';

/** A file to read: its size (known before reading) and its bytes in order (read only when iterated). */
export interface ByteSource {
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A decoder that may be fed a text in pieces (the platform's TextDecoder: the core has no I/O of its own). */
export type MakeStreamDecoder = (label: TextEncodingLabel) => {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
};

export interface ReadSourceOptions extends ParseOptions {
  /** Bytes read so far, after each chunk. */
  onBytes?: (bytes: number) => void;
  /** Overrides STREAM_FROM_BYTES (tests stream small files to compare them with a whole read). */
  streamFromBytes?: number;
}

/** Whole MiB, rounded up: a file just over a limit never reads as equal to it. */
const mib = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MiB`;

/** The refusal of a file too large to read whole that no stream parser claims. */
export function tooLargeReason(size: number): string {
  return (
    `the file is ${mib(size)}; the limit is ${mib(MAX_FILE_BYTES)} (per-request files of AIPerf, ` +
    `profile_export.jsonl, and vLLM, --save-detailed results, are read as a stream up to ${mib(MAX_STREAM_BYTES)})`
  );
}

/** The refusal of a per-request file over the stream limit; `layout` is its stream parser's label. */
export function tooLargeToStreamReason(size: number, layout: string): string {
  return `the file is ${mib(size)}; ${layout} is read up to ${mib(MAX_STREAM_BYTES)}`;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Reads `source` by the rule above and parses it. `path` names it (folders kept: they hold the load level). */
export async function parseSource(
  source: ByteSource,
  path: string,
  makeDecoder: MakeStreamDecoder,
  options: ReadSourceOptions = {},
): Promise<ParseOutcome> {
  const { onBytes, streamFromBytes = STREAM_FROM_BYTES, ...parseOptions } = options;
  const iterator = source.chunks()[Symbol.asyncIterator]();
  let total = 0;
  const next = async (): Promise<Uint8Array | undefined> => {
    const step = await iterator.next();
    if (step.done === true) return undefined;
    total += step.value.byteLength;
    onBytes?.(total);
    return step.value;
  };
  try {
    // The first bytes: enough to sniff the encoding, or for a stream parser to claim the file.
    const mayStream = source.size >= streamFromBytes;
    const headParts: Uint8Array[] = [];
    let ended = false;
    while (total < (mayStream ? HEAD_BYTES : SNIFF_BYTES)) {
      const chunk = await next();
      if (chunk === undefined) {
        ended = true;
        break;
      }
      headParts.push(chunk);
    }
    const head = concat(headParts, total);
    const sniffed = sniffEncoding(head.subarray(0, SNIFF_BYTES));
    if (sniffed.kind === 'text' && mayStream) {
      const parser = streamParserFor(makeDecoder(sniffed.encoding).decode(head.subarray(0, HEAD_BYTES)), path);
      if (parser && source.size > MAX_STREAM_BYTES) {
        return { kind: 'error', reason: tooLargeToStreamReason(source.size, parser.label) };
      }
      if (parser) {
        const decoder = makeDecoder(sniffed.encoding);
        async function* texts(): AsyncGenerator<string> {
          yield decoder.decode(head, { stream: true });
          for (let chunk = ended ? undefined : await next(); chunk !== undefined; chunk = await next()) {
            yield decoder.decode(chunk, { stream: true });
          }
          const tail = decoder.decode();
          if (tail !== '') yield tail;
        }
        return await parseStream(parser, path, texts());
      }
    }
    if (source.size > MAX_FILE_BYTES) return { kind: 'error', reason: tooLargeReason(source.size) };
    if (sniffed.kind === 'binary') {
      return { kind: 'error', reason: `not a text benchmark export: this is ${sniffed.what}` };
    }
    // The bytes gathered in one buffer of the file's size and decoded once (no pieces of text joined).
    let bytes = new Uint8Array(Math.max(source.size, head.byteLength));
    bytes.set(head);
    let length = head.byteLength;
    for (let chunk = ended ? undefined : await next(); chunk !== undefined; chunk = await next()) {
      const needed = length + chunk.byteLength;
      if (needed > MAX_FILE_BYTES) return { kind: 'error', reason: tooLargeReason(needed) };
      if (needed > bytes.byteLength) {
        // The file grew while it was read.
        const grown = new Uint8Array(Math.min(MAX_FILE_BYTES, Math.max(2 * bytes.byteLength, needed)));
        grown.set(bytes.subarray(0, length));
        bytes = grown;
      }
      bytes.set(chunk, length);
      length += chunk.byteLength;
    }
    const text = makeDecoder(sniffed.encoding).decode(bytes.subarray(0, length));
    return parseFile({ path, text }, parseOptions);
  } catch (error) {
    return { kind: 'error', reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    // Stops the source when the file was refused before its end (a Node stream closes its file).
    await iterator.return?.();
  }
}
