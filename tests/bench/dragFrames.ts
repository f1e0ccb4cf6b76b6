/**
 * `npm run bench:drag` — frame times while dragging an SLA line with 16 series × 64 points loaded
 * (budget: 95th-percentile frame ≤ 20 ms in headless Chromium, docs/architecture.md §Performance budgets).
 * Needs `npm run build` first.
 *
 * It writes 1,024 GenAI-Perf summaries to a temporary folder, loads them through the app's folder picker,
 * then drags the TTFT line across the plot one animation frame per pointer move (as a hand would, not as fast
 * as the protocol allows), recording every requestAnimationFrame interval during the drag.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Distribution, LoadPoint } from '../../src/core/model/benchmark.ts';
import { syntheticSweep } from './syntheticPoints.ts';

const PORT = 4199;
const SERIES = 16;
const LEVELS = 64;

function metric(unit: string, d: Distribution) {
  return { unit, ...d };
}

/** A LoadPoint back into the GenAI-Perf summary JSON layout the app reads. */
function toGenaiPerfJson(p: LoadPoint): string {
  return JSON.stringify({
    request_throughput: { unit: 'requests/sec', avg: p.requestsPerSecond },
    request_latency: metric('ms', p.e2eMs),
    time_to_first_token: metric('ms', p.ttftMs),
    inter_token_latency: metric('ms', p.itlMs),
    output_token_throughput: { unit: 'tokens/sec', avg: p.outputTokensPerSecond },
    output_token_throughput_per_user: metric('tokens/sec/user', p.outputTokensPerSecondPerUser),
    output_sequence_length: metric('tokens', p.outputTokens),
    input_sequence_length: metric('tokens', p.inputTokens),
    input_config: { model: 'bench', perf_analyzer: { stimulus: { concurrency: p.load.concurrency } } },
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The 25 functions with the most self time in a CPU profile, with their share of the samples. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfCounts = new Map<string, number>();
  for (const id of profile.samples ?? []) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    selfCounts.set(key, (selfCounts.get(key) ?? 0) + 1);
  }
  const total = profile.samples?.length ?? 1;
  const top = [...selfCounts].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [key, count] of top) console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
}

const root = mkdtempSync(join(tmpdir(), 'drag-bench-'));
for (const p of syntheticSweep(SERIES, LEVELS)) {
  const dir = join(root, 'sweep', p.seriesKey, `bench-openai-chat-concurrency${p.load.concurrency}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'profile_export_genai_perf.json'), toGenaiPerfJson(p));
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
  cwd: join(import.meta.dirname, '../..'),
  stdio: 'ignore',
  detached: true,
});
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('table.results-table tbody tr[data-series]').first().waitFor();
  const loadStart = Date.now();
  await page.getByLabel('Benchmark folder').setInputFiles(join(root, 'sweep'));
  await page
    .locator('table.results-table tbody tr[data-series]')
    .nth(SERIES - 1)
    .waitFor({ timeout: 60_000 });
  console.log(`loaded ${SERIES} series × ${LEVELS} points (1,024 files) in ${Date.now() - loadStart} ms`);

  const handle = page.getByRole('slider', { name: 'TTFT avg limit' });
  const box = (await handle.boundingBox())!;
  const plot = (await page.getByTestId('latency-throughput-chart').locator('.recharts-cartesian-grid').boundingBox())!;
  // Page scripts are passed as text: tsx's transform would inject helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      if (window.__recording) window.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // PROFILE=1: sample the page's JavaScript during the drag and print where its time goes (build with
  // `npx vite build --minify false` first to read function names).
  const cdp = process.env['PROFILE'] ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  const moves = 150;
  for (let i = 1; i <= moves; i++) {
    // Sweep right across most of the plot and back, one move per frame.
    const t = i <= moves / 2 ? i / (moves / 2) : 2 - i / (moves / 2);
    await page.mouse.move(box.x + box.width / 2 + t * (plot.x + plot.width * 0.9 - box.x), y);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
    if (i === moves / 2) {
      const firstRow = page.locator('table.results-table tbody tr[data-series]').first();
      console.log(
        `mid-drag: bound ${await handle.getAttribute('aria-valuenow')} ms; first row operating point ` +
          (await firstRow.locator('[data-field="operatingPoint"]').innerText()).split('\n')[0],
      );
    }
  }
  await page.mouse.up();
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
  const frames = (await page.evaluate(
    '(() => { window.__recording = false; return window.__frames.slice(1); })()',
  )) as number[];
  frames.sort((a, b) => a - b);
  const q = (p: number) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))] ?? NaN;
  console.log(
    `drag: ${frames.length} frames; p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, ` +
      `max ${frames[frames.length - 1]?.toFixed(1)} ms (budget p95 ≤ 20 ms: ${q(0.95) <= 20 ? 'within' : 'OVER'})`,
  );
  console.log(`final bound ${await handle.getAttribute('aria-valuenow')} ms`);
  await browser.close();
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
