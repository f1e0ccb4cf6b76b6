/**
 * Per-request figures for `npm run bench` (docs/architecture.md, budgets), printed, not asserted:
 *   1. parse of a generated 100 MB AIPerf profile_export.jsonl and a 100 MB vLLM --save-detailed JSON, read as the
 *      parse worker reads them (1 MiB chunks decoded and streamed), ÷ a bare JSON.parse of the same bytes (decoded
 *      at once; the JSONL parsed line by line)                                                    (budget ≤ 1.5)
 *   2. peak memory of that parse, in a process of its own, ÷ the file size                        (budget ≤ 3)
 *   3. goodput of 16 series × 64 points × 2,000 requests recounted on a new bound                 (budget ≤ 4 ms)
 * The files are generated once into .bench-data/ (git-ignored) by tests/fixtures/perRequestSynthetic.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { goodCount, pointGoodput, prepareSla } from '../../src/core/analysis/goodput.ts';
import { pickOperatingPoint } from '../../src/core/analysis/operatingPoint.ts';
import type { LoadPoint } from '../../src/core/model/benchmark.ts';
import { buildRequestSamples } from '../../src/core/model/requestSamples.ts';
import type { SlaConstraint } from '../../src/core/model/scenario.ts';
import { parseStream, streamParserFor } from '../../src/core/parsers/stream/streamParsers.ts';
import { mulberry32 } from '../fixtures/generate.ts';
import { aiperfRecordsJsonl, vllmDetailedResult } from '../fixtures/perRequestSynthetic.ts';
import { syntheticSweep } from './syntheticPoints.ts';

const DATA = join(import.meta.dirname, '../../.bench-data');
const TARGET = 100 * 1024 * 1024;
const CHUNK = 1024 * 1024;

function ensureFiles(): { jsonl: string; vllm: string } {
  mkdirSync(DATA, { recursive: true });
  const jsonl = join(DATA, 'aiperf-100MB-concurrency64.profile_export.jsonl');
  const vllm = join(DATA, 'vllm-detailed-100MB-concurrency64.json');
  if (!existsSync(jsonl)) writeFileSync(jsonl, aiperfRecordsJsonl(TARGET));
  if (!existsSync(vllm)) {
    // ~6.9 KB per request with 256 output tokens (255 gaps, the text, the other arrays).
    writeFileSync(vllm, JSON.stringify(vllmDetailedResult({ requests: 15_200, outputTokens: 256, failEvery: 200 })));
  }
  return { jsonl, vllm };
}

/** The worker's way: chunks decoded one by one (no whole text) and streamed to the parser. */
async function streamed(path: string, bytes: Uint8Array): Promise<number> {
  const start = performance.now();
  const decoder = new TextDecoder('utf-8');
  const head = decoder.decode(bytes.subarray(0, 64 * 1024), { stream: false });
  const parser = streamParserFor(head, path);
  if (!parser) throw new Error(`no stream parser claims ${path}`);
  const chunks = function* () {
    const d = new TextDecoder('utf-8');
    for (let i = 0; i < bytes.length; i += CHUNK) yield d.decode(bytes.subarray(i, i + CHUNK), { stream: true });
    yield d.decode();
  };
  const outcome = await parseStream(parser, path, chunks());
  if (outcome.kind !== 'runs') throw new Error(`${path}: ${outcome.kind === 'error' ? outcome.reason : 'skipped'}`);
  return performance.now() - start;
}

function bare(bytes: Uint8Array, lines: boolean): number {
  const start = performance.now();
  const text = new TextDecoder('utf-8').decode(bytes);
  if (lines) {
    for (const line of text.split('\n')) if (line !== '') JSON.parse(line);
  } else JSON.parse(text);
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function parseRatio(label: string, path: string, lines: boolean): Promise<void> {
  const bytes = readFileSync(path);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 3; i++) {
    theirs.push(bare(bytes, lines));
    ours.push(await streamed(path, bytes));
  }
  const ratio = median(ours) / median(theirs);
  const mb = (bytes.length / 2 ** 20).toFixed(0);
  console.log(
    `${label.padEnd(44)} ${mb} MiB: streamed ${median(ours).toFixed(0)} ms, ` +
      `bare JSON.parse ${median(theirs).toFixed(0)} ms, ` +
      `ratio ${ratio.toFixed(2)} (budget 1.5: ${ratio <= 1.5 ? 'within' : 'OVER'})`,
  );
}

/** Peak resident memory of the streamed parse, in a child process (its own baseline taken first). */
function peakMemory(label: string, path: string): void {
  const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
  const out = execFileSync(tsx, [join(import.meta.dirname, 'perRequestMemory.ts'), path], { encoding: 'utf8' });
  const { baseline, peak } = JSON.parse(out) as { baseline: number; peak: number };
  const size = statSync(path).size;
  const ratio = (peak - baseline) / size;
  console.log(
    `${label.padEnd(44)} peak ${(peak / 2 ** 20).toFixed(0)} MiB, ` +
      `${((peak - baseline) / 2 ** 20).toFixed(0)} MiB above the ` +
      `process baseline = ${ratio.toFixed(2)} × the file (budget 3: ${ratio <= 3 ? 'within' : 'OVER'})`,
  );
}

/** 16 series × 64 points, each point with 2,000 requests whose TTFT, ITL and E2E scatter around its statistics. */
function pointsWithRequests(): LoadPoint[] {
  const random = mulberry32(3);
  return syntheticSweep(16, 64).map((point) => {
    const n = 2000;
    const around = (v: number) => Array.from({ length: n }, () => v * (0.6 + random() * 0.8));
    const ok = Array.from({ length: n }, () => random() > 0.01);
    const samples = buildRequestSamples({
      ok,
      columns: {
        ttftMs: around(point.ttftMs.avg ?? 0),
        itlMs: around(point.itlMs.avg ?? 0),
        e2eMs: around(point.e2eMs.avg ?? 0),
      },
    });
    return { ...point, requests: samples };
  });
}

function goodputRecount(): void {
  const points = pointsWithRequests();
  const bySeries = new Map<string, LoadPoint[]>();
  for (const p of points) bySeries.set(p.seriesKey, [...(bySeries.get(p.seriesKey) ?? []), p]);
  const sla = (ttft: number, itl?: number): SlaConstraint[] => [
    { metric: 'ttft', stat: 'avg', bound: ttft },
    ...(itl === undefined ? [] : [{ metric: 'itl' as const, stat: 'p99' as const, bound: itl }]),
  ];
  const time = (label: string, work: (bound: number) => void) => {
    const first = performance.now();
    work(150); // the first frame of a drag builds the filtered columns of the dragged metric
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      work(100 + i * 3);
      times.push(performance.now() - start);
    }
    const p95 = [...times].sort((a, b) => a - b)[190] ?? NaN;
    console.log(
      `${label.padEnd(70)} median ${median(times).toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  ` +
        `first ${firstMs.toFixed(1)} ms ` +
        `(budget 4 ms: ${p95 <= 4 ? 'within' : 'OVER'})`,
    );
  };
  let sink = 0;
  time('goodput, 16 × 64 points × 2,000 requests, TTFT bound dragged', (b) => {
    const prepared = prepareSla(sla(b));
    for (const p of points) sink += goodCount(p.requests!, prepared) ?? 0;
  });
  time('  same, TTFT dragged with an ITL bound in force (filtered column)', (b) => {
    const prepared = prepareSla(sla(b, 20));
    for (const p of points) sink += goodCount(p.requests!, prepared) ?? 0;
  });
  time('  same, plus the operating points under the goodput rule (95 %)', (b) => {
    const s = sla(b, 20);
    for (const series of bySeries.values()) {
      const r = pickOperatingPoint(series, s, 'requestsPerSecond', {
        interpolate: false,
        rule: { kind: 'goodput', minPercent: 95 },
      });
      sink += r.meetsSla ? 1 : 0;
    }
    sink += pointGoodput(points[0]!, prepareSla(s)).known ? 1 : 0;
  });
  // A new ITL bound while TTFT stays: the first recount filters the TTFT-passing requests once per point.
  const start = performance.now();
  const prepared = prepareSla(sla(300, 25));
  for (const p of points) sink += goodCount(p.requests!, prepared) ?? 0;
  console.log(
    `${'  first recount after switching to another line (builds the filtered columns)'.padEnd(70)} ` +
      `${(performance.now() - start).toFixed(2)} ms`,
  );
  if (sink < 0) console.log(sink);
}

export async function runPerRequestBench(): Promise<void> {
  // Wall-clock figures: on a shared machine they scale with its load, printed so they can be read against it.
  console.log(`per-request figures (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores):`);
  goodputRecount(); // first: the parses below leave a large heap for the collector
  const { jsonl, vllm } = ensureFiles();
  await parseRatio('parse AIPerf profile_export.jsonl (stream)', jsonl, true);
  await parseRatio('parse vLLM --save-detailed JSON (stream)', vllm, false);
  peakMemory('peak memory, AIPerf JSONL stream parse', jsonl);
  peakMemory('peak memory, vLLM detailed JSON stream parse', vllm);
}
