/**
 * The answer first, at 1280×800: after loading a sweep the recommendation (servers, yearly cost) is on screen
 * without scrolling, beside the chart; dragging the SLA changes it; two workloads get no cross-workload
 * Cheapest; a new series leaves the others' colours alone; files dropped anywhere load.
 */
import { join } from 'node:path';
import { NIM_DIR } from './coreExpectations.ts';
import { expect, test } from './fixtures.ts';

const SYNTHETIC = join(import.meta.dirname, '../fixtures/synthetic/genai-perf');

test.use({ viewport: { width: 1280, height: 800 } });

test('after loading a sweep, the recommendation with servers and yearly cost is inside the viewport', async ({
  app,
  page,
}) => {
  await app.open();
  await app.chooseFolder(NIM_DIR);
  await expect(app.resultRows()).toHaveCount(1);
  await expect(app.figure('servers')).toHaveText('3 (18 GPUs)');
  await expect(app.figure('fleetYearUsd')).toHaveText('$357,000');
  for (const what of [
    app.recommendation,
    app.figure('servers'),
    app.figure('fleetYearUsd'),
    app.slaHandle(),
    page.getByLabel('Peak', { exact: true }),
    page.getByLabel('TTFT avg at most'),
  ]) {
    await expect(what).toBeInViewport({ ratio: 1 });
  }
  const chart = (await app.chart.boundingBox())!;
  const answer = (await app.recommendation.boundingBox())!;
  expect(answer.x, 'the answer sits beside the chart').toBeGreaterThan(chart.x + chart.width - 1);
});

test('dragging the SLA line changes the recommendation', async ({ app, page }) => {
  await app.open();
  await app.chooseFolder(NIM_DIR);
  await expect(app.figure('servers')).toHaveText('3 (18 GPUs)');
  const box = (await app.slaHandle().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2, { steps: 10 });
  await page.mouse.up();
  expect(await app.slaValue()).toBeGreaterThan(700);
  // Past 627 ms concurrency 50 qualifies (200 ÷ 26.1 req/s → 8 instances), past 1,020 ms concurrency 100
  // (200 ÷ 30.9 → 7): one 8-GPU server either way.
  await expect(app.figure('servers')).toHaveText(/^1 \([78] GPUs\)$/);
  await expect(app.figure('fleetYearUsd')).toHaveText('$119,000');
});

test('two workloads loaded: an answer each, and no Cheapest across them', async ({ app, page }) => {
  await app.open();
  await app.chooseFolder(NIM_DIR); // ISL 200, OSL ≈ 58
  await app.chooseFolder(join(SYNTHETIC, 'llama3-8b-h100-tp2')); // ISL 200, OSL ≈ 200
  await expect(app.resultRows()).toHaveCount(2);
  await expect(app.recommendation).toContainText('2 workloads are loaded');
  await expect(app.recommendation.locator('[data-verdict="recommended"]')).toHaveCount(2);
  await expect(page.locator('.badge--best')).toHaveCount(0);
  const groups = (await page.locator('.results-table__group').allInnerTexts()).sort();
  expect(groups).toEqual([
    'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 200 tokens',
    'Workload: meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens',
  ]);
  await expect(
    page.getByRole('note').filter({ hasText: 'These configurations serve 2 different workloads' }),
  ).toBeVisible();
});

test("adding or removing a series leaves the other series' colours and markers as they were", async ({ app, page }) => {
  await app.open();
  await app.chooseFolder(NIM_DIR);
  await expect(app.resultRows()).toHaveCount(1);
  // A series' swatch in the list, and its first marker on the chart (colour and shape).
  const style = (name: string) =>
    page.evaluate((prefix) => {
      const row = [...document.querySelectorAll('.series-row')].find((r) =>
        r.querySelector('input')?.value.startsWith(prefix),
      );
      const marker = document.querySelector(`.series-marker[data-series-key^="${prefix}"]`);
      return {
        swatch: row ? getComputedStyle(row.querySelector('.swatch')!).backgroundColor : null,
        stroke: marker?.getAttribute('stroke') ?? null,
        shape: marker?.getAttribute('data-shape') ?? null,
      };
    }, name);
  // The chart follows the table in React's background render: its markers are waited for.
  const drawn = async (name: string) => {
    await expect.poll(async () => (await style(name)).stroke).not.toBeNull();
    return style(name);
  };
  const nim = await drawn('nim-llama3');
  await app.chooseFolder(join(SYNTHETIC, 'llama3-8b-h100-tp2'));
  await app.chooseFolder(join(SYNTHETIC, 'llama3-8b-h200-tp1'));
  await expect(app.resultRows()).toHaveCount(3);
  const tp2 = await drawn('llama3-8b-h100-tp2');
  expect(await style('nim-llama3')).toEqual(nim);
  expect(tp2.swatch).not.toEqual(nim.swatch);
  await page.getByRole('button', { name: /^Remove nim-llama3/ }).click();
  await expect(app.resultRows()).toHaveCount(2);
  await expect.poll(() => style('nim-llama3')).toEqual({ swatch: null, stroke: null, shape: null });
  expect(await style('llama3-8b-h100-tp2')).toEqual(tp2);
});

test('files dropped anywhere on the page load, not only on the drop zone', async ({ app, page }) => {
  await app.open();
  const files = [1, 2, 5, 10, 50].map((c) =>
    join(NIM_DIR, `meta_llama3-8b-instruct-openai-chat-concurrency${c}.profile_export_genai_perf.json`),
  );
  await page.locator('.app__analysis').drop({ files });
  await expect(app.seriesNames()).toHaveCount(1);
  await expect(app.resultRows()).toHaveCount(1);
});
