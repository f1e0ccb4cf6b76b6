/**
 * A CSV no built-in parser reads: dropped, refused with "Map columns…", mapped in the dialog (the guess from the
 * column names is right here; the person checks and saves), then on the chart, in the points CSV, and still
 * there after a reload. The sheet is built here: seconds and per-minute counts, two configurations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';

const SHEET = [
  'config,users,ttft_s,p99_e2e_s,completed_per_min,output_tok_s',
  'a100,1,0.125,2.5,30,100',
  'a100,4,0.25,3.75,90,350',
  'h100,4,0.0625,1.5,120,480',
].join('\n');

test('an unknown CSV is mapped once, then plotted, exported and kept', async ({ app, page }, testInfo) => {
  await app.open();
  await app.dropZone.drop({ files: [{ name: 'lab-sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) }] });
  await expect(app.loadErrors().filter({ hasText: 'lab-sheet.csv' })).toContainText('unknown format');

  await page.getByRole('button', { name: 'Map columns… of lab-sheet.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Map the columns of lab-sheet.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('completed_per_min: is')).toHaveValue('requestsPerSecond');
  await expect(dialog.getByLabel('completed_per_min: unit')).toHaveValue('/min');
  await expect(dialog.getByLabel('ttft_s: unit')).toHaveValue('s');
  await dialog.getByLabel('Mapping name').fill('lab sheet');
  await expect(dialog.getByRole('status')).toHaveText('3 points in 2 series.');
  await dialog.getByRole('button', { name: 'Save mapping and read the file' }).click();
  await expect(dialog).toBeHidden();
  // The file is read, its button gone: the focus is on the configurations, where its series now are.
  await expect(page.getByRole('heading', { name: 'Configurations' })).toBeFocused();

  // The first real data replaces the demo: one series per configuration of the sheet.
  await expect(app.seriesNames()).toHaveCount(2);
  await expect(app.seriesNames().nth(0)).toHaveValue('lab-sheet / a100');
  await expect(app.seriesNames().nth(1)).toHaveValue('lab-sheet / h100');
  await expect(app.chart.locator('.chart-legend')).toContainText('lab-sheet / a100');
  await expect(app.chart.locator('.chart-legend')).toContainText('lab-sheet / h100');
  await expect(app.loadErrors()).toHaveCount(0);

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download points CSV' }).click();
  const download = await pending;
  const path = join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(path);
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(
    rows.map((r) => [
      r['series'],
      r['tool'],
      r['concurrency'],
      r['requestsPerSecond'],
      r['ttftMs.avg'],
      r['e2eMs.p99'],
    ]),
  ).toEqual([
    ['lab-sheet / a100', 'mapped', '1', '0.5', '125', '2500'],
    ['lab-sheet / a100', 'mapped', '4', '1.5', '250', '3750'],
    ['lab-sheet / h100', 'mapped', '4', '2', '62.5', '1500'],
  ]);

  // The mapping is part of the scenario: listed, and back after a reload.
  const mappings = page.getByRole('region', { name: 'Column mappings' });
  await expect(mappings).toContainText('lab sheet');
  await page.reload();
  await expect(mappings).toContainText('CSV files matching lab-sheet.csv');
  await expect(app.seriesNames()).toHaveCount(2);
});
