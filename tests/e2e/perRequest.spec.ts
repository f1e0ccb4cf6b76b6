/**
 * A 100 MB per-request file in Chromium: the parse worker streams it with byte progress, Cancel stops it, and once
 * loaded, moving the SLA line moves the goodput figures. The page stays responsive: no long main-thread task (Long
 * Tasks API, > 50 ms) between the start and the end of the parse. The file is generated once into .bench-data/
 * (git-ignored) from the real AIPerf records (tests/fixtures/perRequestSynthetic.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { aiperfRecordsJsonl } from '../fixtures/perRequestSynthetic.ts';
import { expect, test } from './fixtures.ts';

const DIR = join(import.meta.dirname, '../../.bench-data/e2e/gpt-oss-20b-openai-chat-concurrency64');
const FILE = join(DIR, 'profile_export.jsonl');

test.beforeAll(() => {
  if (existsSync(FILE)) return;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(FILE, aiperfRecordsJsonl(100 * 1024 * 1024));
});

test('a 100 MB AIPerf profile_export.jsonl: progress, Cancel, then goodput that follows the SLA line', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.open();
  // The folder keeps the run folder's name, which holds the load level (the JSONL does not state it).
  const input = page.getByLabel('Benchmark folder');
  const progress = page.getByRole('status').filter({ hasText: 'Reading 0 / 1 files' });

  // Cancel while it is read: nothing is loaded, the file is listed as not read.
  await input.setInputFiles(DIR);
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByLabel('Reading files').getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByText('1 file not read: cancelled by you — drop it again to load it')).toBeVisible();
  await expect(page.getByTestId('goodput-figures')).toHaveCount(0);

  // Read it to the end.
  await input.setInputFiles(DIR);
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('goodput-figures')).toHaveCount(1, { timeout: 180_000 });
  // Read now: no longer listed as not read.
  await expect(page.getByText(/not read: cancelled by you/)).toHaveCount(0);
  const longDuringParse = await page.evaluate(() => {
    const start = performance.getEntriesByName('llm-tco:parse-start').at(-1)?.startTime ?? 0;
    const end = performance.getEntriesByName('llm-tco:parse-end').at(-1)?.startTime ?? Infinity;
    const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> };
    return w.longTasks
      .filter((t) => t.start >= start && t.start + t.duration <= end)
      .map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - start)} of ${Math.round(end - start)}`);
  });
  // A long task is measured in wall time: on a machine whose cores are all busy with other processes the page's
  // thread is descheduled and even small tasks read long. The check holds where the load leaves a core free; under
  // more load the figures are recorded on the test instead.
  const [load] = loadavg();
  if (load !== undefined && load <= cpus().length - 1) {
    expect(longDuringParse, 'main-thread tasks over 50 ms while the file was parsed').toEqual([]);
  } else {
    test.info().annotations.push({
      type: 'long tasks under load',
      description: `load ${load?.toFixed(1)} on ${cpus().length} cores: ${longDuringParse.join('; ') || 'none'}`,
    });
  }

  // Goodput follows the SLA line (TTFT avg, drawn on the chart): lowest bound, then highest.
  const figures = page.getByTestId('goodput-figures');
  const handle = app.slaHandle();
  await handle.focus();
  await handle.press('Home');
  const share = async () =>
    Number(/^([\d.]+)%/.exec((await figures.locator('tbody td:nth-child(3)').first().textContent()) ?? '')?.[1]);
  // The figures follow in React's background render: read once they hold still.
  let atLowest = NaN;
  await expect
    .poll(
      async () => {
        const previous = atLowest;
        atLowest = await share();
        return atLowest === previous;
      },
      { intervals: [300] },
    )
    .toBe(true);
  await handle.press('End');
  // A looser TTFT limit: more of the ~20,900 requests are good.
  await expect.poll(share).toBeGreaterThan(atLowest);
});
