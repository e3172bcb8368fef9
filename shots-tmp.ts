import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
const page = await ctx.newPage();
await page.goto(base + '/signin');
await page.getByLabel('Email').fill('demo@fedimod.test');
await page.getByLabel('Password', { exact: true }).fill('DSRXhGnElxzrkCLxUt265LCm');
await page.getByRole('button', { name: /sign in/i }).click();
await page.waitForURL(/\/queue/);
// wait for the case
let href: string | null = null;
for (let i = 0; i < 60 && !href; i++) {
  await page.goto(base + '/cases?state=all');
  const row = page.getByTestId('case-row').first();
  if (await row.count()) href = await row.getAttribute('data-href');
  else await page.waitForTimeout(2000);
}
console.log('case', href);
await page.goto(base + href!);
await page.waitForTimeout(3000);
const panel = page.getByTestId('filing-panel');
await panel.scrollIntoViewIfNeeded();
await panel.screenshot({ path: '/tmp/s-filing-panel.png' });
await page.getByTestId('forward-panel').screenshot({ path: '/tmp/s-forward-panel.png' });
await page.getByTestId('filing-review').click();
await page.getByTestId('filing-confirm').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/s-dialog-1440.png' });
await page.getByTestId('filing-confirm').screenshot({ path: '/tmp/s-dialog-full.png' });
await page.getByTestId('filing-ack').check();
await page.getByTestId('filing-submit').click();
await page.getByTestId('filing-report-id').waitFor({ timeout: 60000 });
for (let i = 0; i < 30; i++) { if ((await page.getByTestId('filing-state').innerText()).match(/Finished/)) break; await page.waitForTimeout(1000); }
await page.waitForTimeout(1000);
await page.getByTestId('filing-panel').screenshot({ path: '/tmp/s-filed.png' });
// forward: pick first enabled option
const opts = page.locator('input[name=forward-option]:not([disabled])');
console.log('forward options', await opts.count());
await opts.first().check();
await page.getByTestId('forward-submit').click();
await page.getByTestId('forward-row').first().waitFor();
await page.waitForTimeout(4000);
await page.getByTestId('forward-panel').screenshot({ path: '/tmp/s-forwarded.png' });
await page.screenshot({ path: '/tmp/s-case-1440.png', fullPage: true });
await page.setViewportSize({ width: 390, height: 900 });
await page.waitForTimeout(800);
await page.getByTestId('filing-panel').screenshot({ path: '/tmp/s-filed-390.png' });
await page.getByTestId('forward-panel').screenshot({ path: '/tmp/s-forward-390.png' });
await page.goto(base + '/settings');
await page.getByTestId('ncmec-settings').screenshot({ path: '/tmp/s-settings-390.png' });
await page.setViewportSize({ width: 1440, height: 1000 });
await page.getByTestId('ncmec-settings').screenshot({ path: '/tmp/s-settings-1440.png' });
await page.goto(base + '/users');
await page.screenshot({ path: '/tmp/s-users.png' });
await browser.close();
