/**
 * The README's screenshots, written to public/ (run on purpose: `SCREENSHOTS=1 npx playwright test screenshots`).
 * The demo at 1280×800 (answer beside the chart) and on a 390×844 phone (answer first).
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const PUBLIC = join(import.meta.dirname, '../../public');

test.skip(!process.env['SCREENSHOTS'], 'writes public/screenshot*.png; run with SCREENSHOTS=1');

test('desktop, 1280×800', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open();
  await expect(app.figure('servers')).toBeInViewport();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(PUBLIC, 'screenshot.png') });
});

test('phone, 390×844', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open();
  await expect(app.figure('servers')).toBeInViewport();
  await page.screenshot({ path: join(PUBLIC, 'screenshot-phone.png') });
});
