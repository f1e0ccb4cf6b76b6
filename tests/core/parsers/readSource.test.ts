/**
 * `parseSource` (src/core/parsers/stream/readSource.ts) on sources that misbehave: a file that grows while it is
 * read, a read that fails midway. The ordinary cases run through the CLI in tests/core/cli/streaming.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ByteSource } from '../../../src/core/parsers/stream/readSource.ts';
import { parseSource } from '../../../src/core/parsers/stream/readSource.ts';

const FILE = 'gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export_aiperf.json';
const PATH = `run-concurrency100/${FILE}`;
const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/real/aiperf', FILE));
const decoder = (label: string) => new TextDecoder(label);

/** The bytes in chunks of `size`; `closed` says whether the reader was stopped. */
function source(size: number, chunk: number, failAt?: number): ByteSource & { closed: boolean } {
  const src = {
    size,
    closed: false,
    chunks: () => ({
      [Symbol.asyncIterator]: () => {
        let at = 0;
        return {
          next: async (): Promise<IteratorResult<Uint8Array>> => {
            if (failAt !== undefined && at >= failAt) throw new Error('EIO: i/o error, read');
            if (at >= bytes.byteLength) return { done: true, value: undefined };
            at += chunk;
            return { done: false, value: bytes.subarray(at - chunk, Math.min(at, bytes.byteLength)) };
          },
          return: async (): Promise<IteratorResult<Uint8Array>> => {
            src.closed = true;
            return { done: true, value: undefined };
          },
        };
      },
    }),
  };
  return src;
}

describe('parseSource', () => {
  it('reads a file that grew after its size was taken to its end, as a whole read does', async () => {
    const outcome = await parseSource(source(1000, 700), PATH, decoder);
    expect(outcome.kind).toBe('runs');
    expect(outcome).toEqual(parseFile({ path: PATH, text: bytes.toString('utf8') }));
  });

  it('reports a read that fails midway, and stops the source', async () => {
    const src = source(bytes.byteLength, 1024, 4096);
    const outcome = await parseSource(src, PATH, decoder);
    expect(outcome).toEqual({ kind: 'error', reason: 'could not be read (EIO: i/o error, read)' });
    expect(src.closed).toBe(true);
  });
});
