/**
 * Accessibility: every main page, signed in as the owner created by 01-moderation.spec.ts (with the instances the
 * earlier specs connected), has no serious or critical axe violations, at desktop and phone widths.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './support/flows';

test.describe.configure({ mode: 'serial' });

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`no serious axe violations at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, OWNER.email, OWNER.password);
    const report = await page.getByRole('listbox').getByRole('option').first().getAttribute('data-href');
    const instance = await (async () => {
      await page.goto('/instances');
      return page.locator('a[href^="/instances/"]:not([href="/instances/new"])').first().getAttribute('href');
    })();
    // The bank made by 02-hash-banks (csam, severity 5) opens a case by itself; its page is checked when there is one.
    await page.goto('/cases');
    const caseRows = page.getByTestId('case-row');
    const kase = (await caseRows.count()) > 0 ? await caseRows.first().getAttribute('data-href') : null;
    for (const path of ['/queue', report!, '/cases', ...(kase ? [kase] : []), '/instances', instance!, '/instances/new', '/banks', '/audit', '/users', '/settings']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}
