/**
 * `npx tsx tests/bench/heapCycles.ts` — the page's JavaScript heap over 20 cycles of loading 1,024 files and
 * "Remove all data" (issue 11: it must come back to within 20 % of where it started; before, each cycle left
 * ~1.7 MB in the undo history). Needs `npx vite build` first; BENCH_PORT picks the preview port (default 4198).
 *
 * The files are the real GenAI-Perf NIM c10 summary (tests/fixtures/real) in 1,024 run folders: 16 sweeps of 64
 * load levels. Heap figures are `Runtime.getHeapUsage().usedSize` right after a forced full collection
 * (`HeapProfiler.collectGarbage`), so they count what is still reachable, not garbage not yet collected.
 * The start is the page with the demo removed: the same empty state each cycle ends in.
 *
 * The used heap also holds V8's compiled code (bytecode, optimised machine code, type feedback), which grows as the
 * load path gets hotter cycle after cycle (more of the bundle's functions optimised) and converges; it is not the
 * data. So a heap snapshot at the start and at the end splits the heap into that code (snapshot nodes of type
 * 'code') and everything else V8 holds (objects, arrays, strings, closures, shapes: where a retained data set shows),
 * and the heap after the last cycle is also compared with the heap after the first (the load path compiled once).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PORT = Number(process.env['BENCH_PORT'] ?? 4198);
const CYCLES = Number(process.env['BENCH_CYCLES'] ?? 20);
const SWEEPS = 16;
const LEVELS = 64;
const REPO = join(import.meta.dirname, '../..');

const nim = JSON.parse(
  readFileSync(
    join(
      REPO,
      'tests/fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250/' +
        'meta_llama3-8b-instruct-openai-chat-concurrency10.profile_export_genai_perf.json',
    ),
    'utf8',
  ),
) as {
  input_config: Record<string, unknown>;
};
const root = mkdtempSync(join(tmpdir(), 'heap-bench-'));
for (let s = 0; s < SWEEPS; s++) {
  for (let c = 1; c <= LEVELS; c++) {
    const dir = join(root, 'sweeps', `sweep-${s}`, `run-c${c}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'profile_export_genai_perf.json'),
      JSON.stringify({ ...nim, input_config: { ...nim.input_config, concurrency: c } }),
    );
  }
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
  cwd: REPO,
  stdio: 'ignore',
  detached: true,
});
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  /**
   * Self sizes of one heap snapshot's nodes: V8's compiled code, and the rest of V8's heap (Blink's objects left out).
   */
  const breakdown = async () => {
    await heap();
    const chunks: string[] = [];
    const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snapshot = JSON.parse(chunks.join('')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
    };
    const {
      node_fields: fields,
      node_types: [types],
    } = snapshot.snapshot.meta;
    const typeAt = fields.indexOf('type');
    const sizeAt = fields.indexOf('self_size');
    let code = 0;
    let rest = 0;
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      const type = types[snapshot.nodes[i + typeAt] ?? 0];
      const size = snapshot.nodes[i + sizeAt] ?? 0;
      if (type === 'code') code += size;
      else if (type !== 'native' && type !== 'synthetic') rest += size;
    }
    return { code, rest };
  };
  const rows = page.locator('table.results-table tbody tr[data-series]');
  const removeAll = async () => {
    await page.getByRole('button', { name: 'Remove all data' }).click();
    await rows.first().waitFor({ state: 'detached' });
    await page.waitForTimeout(700); // the storage write after the change
  };
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await rows.first().waitFor();
  const withDemo = await heap();
  await removeAll();
  const start = await heap();
  const startSplit = await breakdown();
  console.log(`heap with the demo: ${mb(withDemo)} MB; start (demo removed): ${mb(start)} MB`);
  const after: number[] = [];
  let loaded = 0;
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const t0 = Date.now();
    await page.getByLabel('Benchmark folder').setInputFiles(join(root, 'sweeps'));
    await rows.nth(SWEEPS - 1).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(700);
    if (cycle === 1) loaded = await heap();
    const loadMs = Date.now() - t0;
    await removeAll();
    after.push(await heap());
    console.log(`cycle ${cycle}: loaded in ${loadMs} ms; heap after "Remove all data": ${mb(after.at(-1) ?? 0)} MB`);
  }
  const end = after.at(-1) ?? start;
  const endSplit = await breakdown();
  const percent = (ratio: number) =>
    `${(ratio * 100).toFixed(1)} % of the start (${ratio <= 1.2 ? 'within' : 'OVER'} the 120 % bound)`;
  console.log(`with 1,024 files loaded: ${mb(loaded)} MB`);
  console.log(`after ${CYCLES} cycles: ${mb(end)} MB used = ${percent(end / start)}`);
  // From the end of the first cycle on, the load path's code is compiled: what grows after that is what is kept.
  const warm = after[0] ?? start;
  console.log(`  after cycle 1: ${mb(warm)} MB; after ${CYCLES}: ${((end / warm) * 100).toFixed(1)} % of that`);
  console.log(`  compiled code (snapshot): ${mb(startSplit.code)} MB at the start, ${mb(endSplit.code)} MB at the end`);
  console.log(
    `  the rest of the JS heap (snapshot): ${mb(startSplit.rest)} MB at the start, ` +
      `${mb(endSplit.rest)} MB at the end = ${percent(endSplit.rest / startSplit.rest)}`,
  );
  await browser.close();
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
  rmSync(root, { recursive: true, force: true });
}
