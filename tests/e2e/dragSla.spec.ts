import { NIM_DIR, expectedNimRow } from './coreExpectations.ts';
import type { AppPage } from './pages/appPage.ts';
import { expect, test } from './fixtures.ts';

async function expectTableMatchesCore(app: AppPage, bound: number) {
  const expected = expectedNimRow([{ metric: 'ttft', stat: 'avg', bound }]);
  expect(expected, `the NIM sweep meets TTFT avg ≤ ${bound} ms`).not.toBeNull();
  await expect.poll(() => app.cell(/meta_llama3/, 'costPer1MTokensUsd')).toBe(expected!.costPer1MTokensUsd);
  expect(await app.cell(/meta_llama3/, 'operatingPoint')).toMatch(new RegExp(`^c=${expected!.concurrency}\\b`));
  expect(await app.cell(/meta_llama3/, 'fleetYearUsd')).toBe(expected!.fleetYearUsd);
  expect(await app.cell(/meta_llama3/, 'costPer1kRequestsUsd')).toBe(expected!.costPer1kRequestsUsd);
}

test.beforeEach(async ({ app }) => {
  await app.open();
  await app.chooseFolder(NIM_DIR);
  await expect(app.resultRows()).toHaveCount(1);
});

test('dragging the SLA line with the mouse moves the bound and the table follows', async ({ app, page }) => {
  const handle = app.slaHandle();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 220, box.y + box.height / 2, { steps: 12 });
  // While dragging, the value moves and the table already shows the previewed bound.
  const during = await app.slaValue();
  expect(during).toBeGreaterThan(600);
  expect(during % 10, 'a dragged limit snaps to a round value').toBe(0);
  await expectTableMatchesCore(app, during);
  await page.mouse.up();
  const after = await app.slaValue();
  expect(after).toBe(during);
  await expectTableMatchesCore(app, after);
  // The number field beside the chart shows the same bound.
  await expect(page.getByLabel('TTFT avg at most')).toHaveValue(String(after));
});

test('the keyboard moves the SLA line: arrows step, Shift+arrows step ten times', async ({ app, page }) => {
  // the sweep spans 88×, so the axis starts on log; steps here are linear
  await page.getByRole('checkbox', { name: /Log x/ }).uncheck();
  const handle = app.slaHandle();
  await handle.focus();
  const start = await app.slaValue();
  await handle.press('ArrowRight');
  const oneStep = (await app.slaValue()) - start;
  expect(oneStep).toBeGreaterThan(0);
  await handle.press('Shift+ArrowRight');
  const bound = await app.slaValue();
  expect(bound).toBeCloseTo(start + 11 * oneStep, 6);
  await expectTableMatchesCore(app, bound);
  await handle.press('Shift+ArrowLeft');
  await handle.press('Shift+ArrowLeft');
  expect(await app.slaValue()).toBeCloseTo(start - 9 * oneStep, 6);
  await expectTableMatchesCore(app, await app.slaValue());
});

test('typing a bound moves the line on the chart once it is typed whole', async ({ app, page }) => {
  const field = page.getByLabel('TTFT avg at most');
  await field.fill('700');
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '700');
  await expectTableMatchesCore(app, 700);
});
