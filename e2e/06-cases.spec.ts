/**
 * Cases end to end in Chromium (issue 9): the known-bad scenario's servers hold federated copies of ONE synthetic
 * test image; a csam bank holding its PDQ hash makes the first matched copy open a case by itself; the case page
 * shows the copies across instances with how each was found, the item blurred, and each instance's lookup (PeerTube
 * cannot check without fetching); the queue groups the case's reports; a viewer reads the case but cannot change it.
 * Runs after 01 (owner) and 02 (which already made a csam bank of another image).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { KNOWN_BAD } from './fakes/federation/known-bad';
import { knownBadHashes, startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from './fakes/federation/start-scenario';
import { OWNER, connectDetected, signIn } from './support/flows';

test.describe.configure({ mode: 'serial' });

// Two reported copies (alpha, misskey), two unreported ones (beta; GoToSocial's re-encoded and rotated), and
// PeerTube, which cannot hold an image post.
const SLOTS: ScenarioSlot[] = ['alpha', 'beta', 'gotosocial', 'misskey', 'peertube'];
const NAMES: Record<string, string> = { alpha: 'Case Alpha', beta: 'Case Beta', gotosocial: 'Case GTS', misskey: 'Case Misskey', peertube: 'Case PeerTube' };

let scenario: KnownBadScenario;
let page: Page;
let caseUrl: string;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: SLOTS, reports: 2 });
  page = await (await browser.newContext()).newPage();
  await signIn(page, OWNER.email, OWNER.password);
});

test.afterAll(async () => {
  await scenario?.close();
});

test('a csam bank with the known-bad PDQ opens a case by itself once the instances sync', async () => {
  test.setTimeout(240_000);
  const { pdqHex } = await knownBadHashes();
  await page.goto('/banks');
  const form = page.getByRole('form', { name: 'New bank' });
  await form.getByLabel('Name').fill('Known-bad test pattern (e2e)');
  await form.locator('select[name=label]').selectOption('csam');
  await form.locator('select[name=severity]').selectOption('5');
  await form.getByRole('button', { name: 'Create bank' }).click();
  await expect(page).toHaveURL(/\/banks\/[0-9a-f-]{36}$/);
  const importForm = page.getByRole('form', { name: 'Import hashes' });
  await importForm.locator('input[type=file]').setInputFiles({ name: 'known-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`hash,label\n${pdqHex},known-bad-test-pattern\n`) });
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText(/1 accepted/)).toBeVisible();

  for (const slot of SLOTS) {
    const f = scenario.fake(slot);
    await connectDetected(page, f.url, f.token, NAMES[slot], new RegExp(`detected as ${f.kind}`, 'i'));
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  const row = page.getByTestId('case-row').filter({ hasText: KNOWN_BAD.account.acct });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await expect(row).toContainText('csam');
  await page.screenshot({ path: 'test-results/cases-list.png', fullPage: true });
  caseUrl = (await row.getAttribute('data-href'))!;
  expect(caseUrl).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
});

test('the case page shows the copies across instances, how each was found, and the item blurred', async () => {
  test.setTimeout(180_000);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Case \d+/);
  // The case opened as soon as the first copy matched, before the other instances were connected: ask them all now.
  const again = page.getByRole('button', { name: 'Search again' });
  await expect(again).toBeEnabled({ timeout: 60_000 });
  await again.click();
  await expect(page.getByTestId('case-lookup').filter({ hasText: NAMES.beta })).toHaveCount(1);
  // Local copies (the reported ones) first, then what the lookups find on the other instances.
  const copies = page.getByTestId('case-copy');
  await expect(async () => {
    await page.reload();
    const instances = new Set(await copies.locator('th').allInnerTexts());
    expect(instances.size).toBeGreaterThanOrEqual(3);
  }).toPass({ timeout: 120_000 });
  const table = page.getByTestId('case-copies');
  await expect(table).toContainText('Same file (SHA-256)');
  await expect(table).toContainText(/Same post \(origin URI\)|Same file URL|Looks the same \(PDQ/);
  for (const name of [NAMES.alpha, NAMES.misskey]) await expect(table).toContainText(name);
  // Every connected instance was asked; PeerTube says it cannot check instead of fetching anything.
  const lookups = page.getByTestId('case-lookup');
  await expect(lookups.filter({ hasText: NAMES.peertube })).toContainText('Cannot check without fetching', { timeout: 60_000 });
  // The item: hashes and match data only (the safer default for severe items), a blurred preview on request, and
  // a severe match needs two clicks to reveal.
  await expect(page.getByTestId('severe-as-hashes').first()).toBeVisible();
  await page.getByRole('button', { name: /^Show blurred preview/ }).first().click();
  await expect(page.locator('img[alt*="blurred preview"]').first()).toBeVisible();
  await expect(page.locator('img[alt*="original, revealed"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Reveal…/ })).toBeVisible();
  await expect(page.getByTestId('case-report')).toHaveCount(2);

  await page.getByLabel('New note').fill('Same pattern on every server (e2e).');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('case-note').filter({ hasText: 'Same pattern on every server (e2e).' })).toBeVisible();
  await expect(page.getByTestId('case-event').filter({ hasText: 'case.note_added' })).toBeVisible();
  await page.screenshot({ path: 'test-results/case-page.png', fullPage: true });
});

test('the queue groups the case’s reports into one row that leads to the case', async () => {
  await page.goto('/queue');
  const grouped = page.getByRole('listbox').getByRole('option').filter({ hasText: /\d+ reports on \d+ instances/ }).filter({ hasText: KNOWN_BAD.reportComment.slice(0, 30) });
  await expect(grouped).toHaveCount(1);
  await expect(grouped).toContainText('2 reports on 2 instances');
  expect(await grouped.getAttribute('data-href')).toBe(caseUrl);
  await page.screenshot({ path: 'test-results/queue-grouped.png', fullPage: true });
  await expect(grouped.getByTestId('case-badge')).toContainText(/Case \d+ · csam/);
  await grouped.click();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
  // Each linked report's page leads back to the case.
  await page.getByTestId('case-report').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: /Case \d+ · csam/ }).first()).toHaveAttribute('href', caseUrl);
});

test('a viewer reads the case but gets no control that changes it', async ({ browser }) => {
  await page.goto('/users');
  const form = page.locator('form').filter({ has: page.locator('select[name=role]') });
  await form.locator('input[name=email]').fill('case-viewer@fedimod.test');
  await form.locator('select[name=role]').selectOption('viewer');
  await form.getByRole('button', { name: /invite/i }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(new URL(link).pathname);
  await viewer.getByLabel('Password', { exact: true }).fill('case viewer password long enough');
  await viewer.getByLabel('Password again').fill('case viewer password long enough');
  await viewer.getByRole('button', { name: /create|accept|join/i }).click();
  await expect(viewer).toHaveURL(/\/(queue|signin)/);
  if (viewer.url().includes('/signin')) await signIn(viewer, 'case-viewer@fedimod.test', 'case viewer password long enough');

  await viewer.goto(caseUrl);
  await expect(viewer.getByTestId('case-copies')).toBeVisible();
  await expect(viewer.getByText('Your role can read this case but not change it.')).toBeVisible();
  for (const name of ['Search again', 'Add note', 'Resolve case…', 'Assign to me', /^Reveal/]) {
    await expect(viewer.getByRole('button', { name })).toHaveCount(0);
  }
  const id = caseUrl.split('/').pop();
  const origin = new URL(viewer.url()).origin;
  expect((await viewer.request.post(`/api/cases/${id}/notes`, { data: { body: 'viewer note' }, headers: { origin } })).status()).toBe(403);
  expect((await viewer.request.post(`/api/cases/${id}/search`, { headers: { origin } })).status()).toBe(403);
});

test('resolving asks whether to resolve the linked reports too; a closed case can be reopened', async () => {
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Resolve case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve case' });
  await expect(dialog.getByRole('button', { name: 'Also resolve the 2 linked reports on their servers' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close without resolving reports' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(page.locator('header').getByText('closed', { exact: true })).toBeVisible();
  await expect(page.getByTestId('case-event').filter({ hasText: 'case.resolved' })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('button', { name: 'Resolve case…' })).toBeVisible();
});
