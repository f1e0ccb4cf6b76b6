/** Page model: e2e specs speak in what a person does and reads, not in selectors. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.resultRows().first()).toBeVisible();
  }

  get dropZone(): Locator {
    return this.page.getByTestId('dropzone');
  }

  get chart(): Locator {
    return this.page.getByTestId('latency-throughput-chart');
  }

  slaHandle(name = 'TTFT avg limit'): Locator {
    return this.page.getByRole('slider', { name });
  }

  async slaValue(name?: string): Promise<number> {
    return Number(await this.slaHandle(name).getAttribute('aria-valuenow'));
  }

  /** Loads a folder the way the "Choose folder…" button does (relative paths kept). */
  async chooseFolder(path: string): Promise<void> {
    await this.page.getByLabel('Benchmark folder').setInputFiles(path);
  }

  resultRows(): Locator {
    return this.page.locator('table.results-table tbody tr[data-series]');
  }

  resultRow(series: string | RegExp): Locator {
    return this.resultRows().filter({ has: this.page.getByRole('rowheader', { name: series }) });
  }

  async cell(series: string | RegExp, field: string): Promise<string> {
    return (await this.resultRow(series).locator(`[data-field="${field}"]`).innerText()).trim();
  }

  /** Types a number into a field and confirms it with Enter (fields apply a value once it is typed whole). */
  async typeNumber(field: Locator, value: number): Promise<void> {
    await field.fill(String(value));
    await field.press('Enter');
  }

  get recommendation(): Locator {
    return this.page.getByRole('region', { name: 'Recommendation' });
  }

  /** A figure of the recommendation: servers, fleetYearUsd, costPer1MTokensUsd, costPer1kRequestsUsd. */
  figure(name: string): Locator {
    return this.recommendation.locator(`[data-figure="${name}"] dd`).first();
  }

  seriesNames(): Locator {
    return this.page.locator('.series-row__name');
  }

  loadErrors(): Locator {
    return this.page.locator('.load-errors li');
  }

  /** "file: reason" for every refused file, also those folded into a group of files refused for one reason. */
  async loadErrorLines(): Promise<string[]> {
    return this.page
      .locator('.load-errors [data-file]')
      .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-file')}: ${li.getAttribute('data-reason')}`));
  }
}

/** The text of every results row, for comparing two pages' tables. */
export async function tableText(app: AppPage): Promise<string[]> {
  return app
    .resultRows()
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}
