/**
 * Shared e2e fixture: every test fails if the page requests anything outside its own origin (benchmark data
 * must never leave the browser), logs a console error, or throws.
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/appPage.ts';

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page, baseURL }, use) => {
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL ?? '') && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const app = new AppPage(page);
    await use(app);
    expect(foreign, 'requests that left the page origin').toEqual([]);
    expect(problems).toEqual([]);
  },
});

export { expect };
