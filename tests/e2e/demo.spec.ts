import { expect, test } from './fixtures.ts';

test('the demo shows the whole flow without any upload', async ({ app, page }) => {
  await app.open();
  await expect(
    page.getByText('Demo data: one real GenAI-Perf sweep and two synthetic demo configurations'),
  ).toBeVisible();
  await expect(app.seriesNames()).toHaveCount(3);
  await expect(app.chart.locator('path.series-marker').first()).toBeVisible();
  await expect(app.chart.locator('path.series-line')).toHaveCount(3);
  // The point under the pointer is named.
  await app.chart.locator('path.series-marker').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Load: c=');
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(app.slaHandle()).toHaveAttribute('aria-valuenow', '250');
  await expect(app.resultRows()).toHaveCount(3);
  await expect(app.resultRow(/synthetic demo/).first()).toBeVisible();
  await expect(page.locator('.badge--best')).toHaveCount(1);
  // Every number on the page is a number: no NaN, no Infinity, no "undefined".
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
});

test('a cost figure unfolds into its formula', async ({ app, page }) => {
  await app.open();
  // Rows are ranked (the H200 configuration first): unfold each.
  const unfold = page.getByRole('button', { name: 'How was this computed?' });
  while ((await unfold.count()) > 0) await unfold.first().click();
  await expect(
    page
      .getByText(/\$320,000 ÷ 4 years \+ \$4,500 licence × 8 GPUs \+ \$3,000 hosting = \$119,000 per server-year/)
      .first(),
  ).toBeVisible();
});

test('metric definitions are one click away', async ({ app, page }) => {
  await app.open();
  await page
    .getByRole('button', { name: /What is ITL|What is TTFT/ })
    .first()
    .click();
  await expect(page.getByRole('tooltip')).toContainText('first');
});

test('the cost-vs-SLA chart shows one line per configuration and follows the SLA line', async ({ app, page }) => {
  await app.open();
  const sensitivity = page.getByTestId('sensitivity-chart');
  await expect(sensitivity.locator('path.sweep-line')).toHaveCount(3);
  await expect(sensitivity.locator('.sensitivity-marker')).toContainText('now: 250 ms');
  await app.slaHandle().focus();
  await page.keyboard.press('Shift+ArrowRight');
  const bound = await app.slaValue();
  await expect(sensitivity.locator('.sensitivity-marker')).toContainText(`now: ${bound} ms`);
});
