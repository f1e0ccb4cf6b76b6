/**
 * One streamed parse in a process of its own, for the peak-memory figure of perRequest.bench.ts: reads the file in
 * 1 MiB chunks as the parse worker reads a Blob stream, and prints {baseline, peak} resident bytes (Linux /proc).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parseStream, streamParserFor } from '../../src/core/parsers/stream/streamParsers.ts';

function status(field: 'VmRSS' | 'VmHWM'): number {
  const line =
    readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`)) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? NaN) * 1024;
}

const path = process.argv[2] ?? '';
const baseline = status('VmRSS');
const head = await new Promise<string>((resolve, reject) => {
  const s = createReadStream(path, { start: 0, end: 64 * 1024 - 1, encoding: 'utf8' });
  let text = '';
  s.on('data', (c) => (text += String(c)));
  s.on('end', () => resolve(text));
  s.on('error', reject);
});
const parser = streamParserFor(head, path);
if (!parser) throw new Error(`no stream parser claims ${path}`);
async function* chunks() {
  const decoder = new TextDecoder('utf-8');
  for await (const bytes of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    yield decoder.decode(bytes as Buffer, { stream: true });
  yield decoder.decode();
}
const outcome = await parseStream(parser, path, chunks());
if (outcome.kind !== 'runs') throw new Error(outcome.kind === 'error' ? outcome.reason : 'skipped');
process.stdout.write(JSON.stringify({ baseline, peak: status('VmHWM'), requests: outcome.runs[0]?.requests?.count }));
