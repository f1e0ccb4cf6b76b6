import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

test('the demo page has no serious or critical accessibility violations', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'How was this computed?' }).first().click();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual(
    [],
  );
});
