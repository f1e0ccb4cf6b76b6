/**
 * The CLI reads per-request files as the page does (src/core/parsers/stream/readSource.ts): chunk by chunk from
 * `fs.createReadStream`, a large per-request file parsed as its chunks arrive, with the page's size limits and
 * refusals. In-process `main()`: small files are streamed in small chunks (internal options) and must print exactly
 * what a whole read prints.
 */
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadOptions } from '../../../src/cli/inputs.ts';
import { runMain } from './runMain.ts';
import { aiperfRecordsJsonl, vllmDetailedResult } from '../../fixtures/perRequestSynthetic.ts';

const root = mkdtempSync(join(tmpdir(), 'tco-stream-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (read: ReadOptions, ...argv: string[]) => runMain(argv, read);

function write(path: string, bytes: string | Uint8Array): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, bytes);
  return full;
}

/** UTF-16LE with a byte-order mark, as PowerShell's `>` writes it: an odd chunk size then cuts code units. */
function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + 2 * text.length);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i] = unit & 0xff;
    bytes[3 + 2 * i] = unit >> 8;
  }
  return bytes;
}

/** Bytes reported read, after each chunk. */
function progress(): { read: ReadOptions; seen: number[] } {
  const seen: number[] = [];
  return { read: { onBytes: (bytes) => seen.push(bytes) }, seen };
}

describe('tco reads per-request files as a stream', () => {
  const aiperf = aiperfRecordsJsonl(3 * 2 ** 20);
  const vllm = `${JSON.stringify(vllmDetailedResult({ requests: 6000, failEvery: 50 }), null, 2)}\n`;
  const cases = [
    ['an AIPerf profile_export.jsonl', 'aiperf/run-concurrency100/profile_export.jsonl', aiperf],
    ['an AIPerf profile_export.jsonl in UTF-16', 'utf16/run-concurrency100/profile_export.jsonl', utf16(aiperf)],
    ['a vLLM result saved with --save-detailed', 'vllm/vllm-concurrency2.json', vllm],
  ] as const;

  it.each(cases)(
    '%s: streamed in 4093-byte chunks, the output of a whole read',
    async (_what, path, bytes) => {
      const file = write(path, bytes);
      const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength;
      expect(size).toBeGreaterThan(2 ** 20);
      const whole = await run({}, '--points', file);
      expect(whole.code).toBe(0);
      expect((JSON.parse(whole.stdout) as { points: unknown[] }).points).toHaveLength(1);
      const { read, seen } = progress();
      const streamed = await run({ ...read, chunkBytes: 4093, streamFromBytes: 0 }, '--points', file);
      expect(streamed).toEqual(whole);
      // Read in chunks of the size asked, to the end.
      expect(seen.length).toBe(Math.ceil(size / 4093));
      expect(seen.at(-1)).toBe(size);
    },
    60_000,
  );

  it('stops reading a streamed file at its first bad record, naming the line', async () => {
    const lines = aiperf.split('\n');
    const broken = [...lines.slice(0, 5), '{"metrics": oops', ...lines.slice(5)].join('\n');
    const file = write('bad/run-concurrency100/profile_export.jsonl', broken);
    const { read, seen } = progress();
    const streamed = await run({ ...read, chunkBytes: 4096, streamFromBytes: 0 }, '--points', file);
    expect(streamed.code).toBe(1);
    expect((JSON.parse(streamed.stdout) as { errors: unknown[] }).errors).toEqual([
      {
        file,
        reason:
          'NVIDIA AIPerf per-request records (profile_export.jsonl): line 6 is not JSON ' +
          '(Unexpected token \'o\', "{"metrics": oops" is not valid JSON)',
      },
    ]);
    // The first 64 KiB (which tell the layout and hold line 6) of 3 MiB.
    expect(seen.at(-1)).toBe(64 * 1024);
    // Read whole, the same file is refused too (not read as cut off after its fifth record), without the line.
    const whole = await run({}, '--points', file);
    expect((JSON.parse(whole.stdout) as { errors: unknown[] }).errors).toEqual([
      { file, reason: 'invalid JSON: Unexpected non-whitespace character after JSON at position 514' },
    ]);
  });
});

describe("the page's limits and refusals", () => {
  /** A sparse file: `head` then zeros up to `size` bytes, with no disk used. */
  function sparse(path: string, head: string, size: number): string {
    const full = write(path, '');
    const fd = openSync(full, 'r+');
    writeSync(fd, head);
    ftruncateSync(fd, size);
    closeSync(fd);
    return full;
  }

  it('refuses a file over 64 MiB that no stream parser claims after reading only its first bytes', async () => {
    const file = sparse('limits/huge-concurrency8_genai_perf.json', '{"a": 1}', 64 * 2 ** 20 + 1);
    const { read, seen } = progress();
    const { code, stdout } = await run({ ...read, chunkBytes: 4096 }, '--points', file);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { errors: unknown[] }).errors).toEqual([
      {
        file,
        reason:
          'the file is 65 MiB; the limit is 64 MiB (per-request files of AIPerf, profile_export.jsonl, and vLLM, ' +
          '--save-detailed results, are read as a stream up to 1024 MiB)',
      },
    ]);
    expect(seen.at(-1)).toBe(64 * 1024);
  });

  it('refuses a per-request file over 1 GiB after reading only its first bytes', async () => {
    const head = aiperfRecordsJsonl(70_000).slice(0, 70_000);
    const over = sparse('limits/big/profile_export.jsonl', head, 2 ** 30 + 1);
    const { read, seen } = progress();
    const refused = await run({ ...read, chunkBytes: 65536 }, '--points', over);
    expect((JSON.parse(refused.stdout) as { errors: unknown[] }).errors).toEqual([
      {
        file: over,
        reason: 'the file is 1025 MiB; NVIDIA AIPerf per-request records (profile_export.jsonl) is read up to 1024 MiB',
      },
    ]);
    expect(seen.at(-1)).toBe(64 * 1024);
  });
});
