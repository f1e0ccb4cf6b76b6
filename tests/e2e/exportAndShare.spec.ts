import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { formatMoney } from '../../src/core/format/numbers.ts';
import { expect, test } from './fixtures.ts';
import { AppPage, tableText } from './pages/appPage.ts';

const REPO = join(import.meta.dirname, '../..');

async function download(app: AppPage, button: string, dir: string, group?: string): Promise<string> {
  const pending = app.page.waitForEvent('download');
  const scope = group === undefined ? app.page : app.page.getByRole('group', { name: group });
  await scope.getByRole('button', { name: button }).click();
  const file = await pending;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function setTtftBound(app: AppPage, bound: number) {
  await app.page.getByLabel('TTFT avg at most').fill(String(bound));
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', String(bound));
}

test('the chart downloads as a 2× PNG that is not blank', async ({ app }, testInfo) => {
  await app.open();
  const path = await download(app, 'Export PNG', testInfo.outputDir, 'Export chart');
  expect(path).toMatch(/llm-tco-chart\.png$/);
  const png = readFileSync(path);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const chartWidth = await app.chart
    .locator('svg.recharts-surface')
    .evaluate((svg) => Math.round(svg.getBoundingClientRect().width));
  expect(width).toBe(chartWidth * 2);
  expect(height).toBeGreaterThan(1000);
  // Decode it in the browser and count what is drawn: white background, curves, text.
  const stats = await app.page.evaluate(
    async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let nonWhite = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) {
        if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) nonWhite++;
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
      return { nonWhite, colours: colours.size, corner: [data[0], data[1], data[2], data[3]] };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  expect(stats.corner).toEqual([255, 255, 255, 255]); // a white background, not transparent
  expect(stats.nonWhite).toBeGreaterThan(2000);
  expect(stats.colours).toBeGreaterThan(20);
});

test('the chart downloads as SVG with the SLA line, legend, operating points and assumptions', async ({
  app,
}, testInfo) => {
  await app.open();
  const svg = readFileSync(await download(app, 'Export SVG', testInfo.outputDir, 'Export chart'), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('class="sla-line"');
  expect(svg).toContain('TTFT avg ≤ 250 ms');
  expect(svg).toContain('SLA: TTFT avg');
  expect(svg).toContain('Llama-3-8B NIM · TP1 (real GenAI-Perf sweep)');
  expect(svg).toContain('Pareto front');
  expect(svg.match(/class="operating-point"/g)?.length).toBe(3);
  expect(svg).toContain('Peak demand: 200 requests/s');
  expect(svg).toContain('8-GPU H100 server (example prices): $320,000 per 8-GPU server');
  expect(svg).not.toContain('role="slider"'); // the drag handle's hit area is not part of the picture
});

test('the results CSV parses back to the numbers in the table, with its assumptions', async ({ app }, testInfo) => {
  await app.open();
  await setTtftBound(app, 700);
  const text = readFileSync(await download(app, 'Download results CSV', testInfo.outputDir), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    const name = row['configuration']!;
    expect(await app.cell(name, 'costPer1MTokensUsd')).toBe(formatMoney(Number(row['cost per 1M tokens (USD)'])));
    expect(await app.cell(name, 'fleetYearUsd')).toBe(formatMoney(Number(row['fleet cost per year (USD)'])));
    expect(await app.cell(name, 'gpus')).toBe(row['GPUs']);
    expect((await app.cell(name, 'instances')).startsWith(row['instances']!)).toBe(true);
    expect(row['assumption: SLA']).toBe('TTFT avg ≤ 700 ms');
  }
  const points = readFileSync(await download(app, 'Download points CSV', testInfo.outputDir), 'utf8');
  expect(Papa.parse(points.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data).toHaveLength(21);
});

test('a saved scenario reopens to the same table in a fresh browser, and the CLI reproduces it', async ({
  app,
  browser,
}, testInfo) => {
  await app.open();
  await setTtftBound(app, 700);
  await app.typeNumber(app.page.getByLabel('Peak', { exact: true }), 350);
  const before = await tableText(app);
  const saved = await download(app, 'Save scenario', testInfo.outputDir);

  const context = await browser.newContext(); // empty storage
  const fresh = new AppPage(await context.newPage());
  await fresh.open();
  expect(await tableText(fresh)).not.toEqual(before);
  await fresh.page.getByLabel('Scenario file').setInputFiles(saved);
  await expect.poll(() => tableText(fresh)).toEqual(before);
  await context.close();

  const report = JSON.parse(
    execFileSync('npm', ['run', '--silent', 'tco', '--', '--scenario', saved], { cwd: REPO, encoding: 'utf8' }),
  ) as {
    series: Array<{
      name: string;
      sizing: { servers: number } | null;
      cost: { costPer1MTokensUsd: number; fleetYearUsd: number } | null;
    }>;
  };
  expect(report.series).toHaveLength(3);
  for (const s of report.series) {
    expect(await app.cell(s.name, 'costPer1MTokensUsd')).toBe(formatMoney(s.cost?.costPer1MTokensUsd));
    expect(await app.cell(s.name, 'fleetYearUsd')).toBe(formatMoney(s.cost?.fleetYearUsd));
    expect((await app.cell(s.name, 'servers')).startsWith(String(s.sizing?.servers))).toBe(true);
  }
});

test('a share link opens the same table in a fresh browser', async ({ app, browser }) => {
  await app.open();
  await setTtftBound(app, 640);
  await app.typeNumber(app.page.getByLabel('Peak', { exact: true }), 90);
  const before = await tableText(app);
  await app.page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await app.page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#s=[A-Za-z0-9+\-$]+$/);
  await expect(
    app.page.getByRole('status').filter({ hasText: 'It holds the settings and all 21 benchmark points' }),
  ).toBeVisible();

  const context = await browser.newContext();
  const fresh = new AppPage(await context.newPage());
  await fresh.page.goto(link);
  await expect.poll(() => tableText(fresh)).toEqual(before);
  await expect(fresh.slaHandle()).toHaveAttribute('aria-valuenow', '640');
  await context.close();
});

test('a malformed link shows an error and loads nothing from it', async ({ app, page }) => {
  await page.goto('/#s=N4IgbgpgTgzglgOwOYgFwEYAMAaEA');
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toBeVisible();
  await expect(app.resultRows()).toHaveCount(3); // the demo, untouched
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '250');
});

test('undo takes back a whole drag, redo brings it again', async ({ app, page }) => {
  await app.open();
  const before = await tableText(app);
  const box = (await app.slaHandle().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 100, { steps: 15 });
  await page.mouse.up();
  const dragged = await app.slaValue();
  expect(dragged).toBeGreaterThan(500);
  expect(await tableText(app)).not.toEqual(before);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '250');
  expect(await tableText(app)).toEqual(before);
  await page.keyboard.press('Control+Shift+Z');
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', String(dragged));
  await page.keyboard.press('Control+Z');
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '250');
});

test('the scenario survives a reload; a corrupt stored one is set aside with a message', async ({ app, page }) => {
  await app.open();
  await setTtftBound(app, 480);
  await page.waitForTimeout(700); // writes are throttled to one per half second
  await page.reload();
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '480');
  await expect(app.resultRows()).toHaveCount(3);

  await page.evaluate(() =>
    localStorage.setItem('llm-tco-planner/scenario', '{"format":"llm-tco-scenario","version":1,"hardware":"oops"}'),
  );
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: 'could not be restored (hardware: must be a list' }),
  ).toBeVisible();
  await expect(app.resultRows()).toHaveCount(3);
  expect(await page.evaluate(() => localStorage.getItem('llm-tco-planner/scenario:set-aside'))).toContain('oops');
});

test('after opening a share link, edits survive a reload (the link does not reopen)', async ({ app, browser }) => {
  await app.open();
  await setTtftBound(app, 640);
  await app.page.getByRole('button', { name: 'Copy share link' }).click();
  expect(app.page.url()).not.toContain('#s='); // copying does not put the link in the address bar
  const link = await app.page.getByLabel('Share link').inputValue();
  const context = await browser.newContext();
  const fresh = new AppPage(await context.newPage());
  await fresh.page.goto(link);
  await expect(fresh.slaHandle()).toHaveAttribute('aria-valuenow', '640');
  expect(fresh.page.url()).not.toContain('#s=');
  await setTtftBound(fresh, 333);
  await fresh.page.waitForTimeout(700);
  await fresh.page.reload();
  await expect(fresh.slaHandle()).toHaveAttribute('aria-valuenow', '333');
  await context.close();
});
