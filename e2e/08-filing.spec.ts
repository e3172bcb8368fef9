/**
 * Filing once, end to end in Chromium (issue 11): the known-bad scenario's copies on two Mastodons (one reported),
 * Misskey (reported) and GoToSocial open a case. The owner points the CyberTipline settings at a fake CyberTipline
 * started here (a custom local URL, synthetic credentials) and tests the connection; a moderator without the filing
 * permission sees why they cannot file, and the route refuses them too; the owner reviews exactly what will be sent
 * (every copy URL, the files with MD5, the XML), files, and the worker drives the report to Finished: the fake holds
 * one report listing every copy. The owner then forwards through Misskey's report forward, once. axe on the way,
 * and the fake's password never comes back in any page, API answer or the server log.
 *
 * Runs after 01-07 in the full suite (earlier cases are closed and their instances removed first) or alone
 * (`npx playwright test e2e/08-filing.spec.ts`: it then creates the owner from the server log itself).
 */
import crypto from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startFakeNcmec, type FakeNcmec } from './fakes/ncmec/server';
import type { FakeReport } from './fakes/ncmec/state';
import { KNOWN_BAD } from './fakes/federation/known-bad';
import { knownBadHashes, startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from './fakes/federation/start-scenario';
import { connectAndSync, createPdqBank, inviteUser, makeRoomForScenario, ownerSignIn, seriousViolations } from './support/scenario-flows';
import { serverLog } from './support/server-log';
import { watchForSecret, type SecretWatch } from './support/secret-watch';

test.describe.configure({ mode: 'serial' });

const SLOTS: ScenarioSlot[] = ['alpha', 'misskey', 'beta', 'gotosocial'];
const NAMES: Record<string, string> = { alpha: 'Filing Alpha', misskey: 'Filing Misskey', beta: 'Filing Beta', gotosocial: 'Filing GTS' };
const MODERATOR = { email: 'filing-moderator@fedimod.test', password: 'filing moderator password long enough' };
// Synthetic, and random per run so a match in a page can only be this run's credential coming back.
const NCMEC_USER = 'e2e-esp';
const NCMEC_PASSWORD = `e2e-ncmec-password-${crypto.randomBytes(6).toString('hex')}`;

let scenario: KnownBadScenario;
let ncmec: FakeNcmec;
let admin: Page;
let moderator: Page;
const watches: SecretWatch[] = [];
let caseId: string;
let caseUrl: string;
let misskeyId: string;
/** What every copy contributes to the report: its post URL, else its media URL. */
let copyUrls: string[] = [];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

async function fakeReports(): Promise<FakeReport[]> {
  const body = (await (await fetch(`${ncmec.url}/__fake/reports`)).json()) as { reports: FakeReport[] };
  return body.reports;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: SLOTS, reports: 2 });
  ncmec = await startFakeNcmec({ username: NCMEC_USER, password: NCMEC_PASSWORD });
  const context = await browser.newContext();
  admin = await context.newPage();
  await ownerSignIn(admin);
  watches.push(watchForSecret(context, new URL(admin.url()).origin, NCMEC_PASSWORD));
});

test.afterAll(async () => {
  await scenario?.close();
  await ncmec?.close();
});

test('the known-bad item opens a case holding copies on four instances', async ({ browser }) => {
  test.setTimeout(420_000);
  await makeRoomForScenario(admin, 'e2e: make room for the filing scenario');
  await createPdqBank(admin, 'Known-bad test pattern (filing e2e)', (await knownBadHashes()).pdqHex);
  for (const slot of SLOTS) {
    const f = scenario.fake(slot);
    const id = await connectAndSync(admin, f.url, f.token, NAMES[slot], f.kind);
    if (slot === 'misskey') misskeyId = id;
  }

  // A moderator without the filing permission (the default for moderators), for the refusal below.
  moderator = await inviteUser(admin, browser, MODERATOR, 'moderator');
  watches.push(watchForSecret(moderator.context(), new URL(admin.url()).origin, NCMEC_PASSWORD));

  await admin.goto('/cases');
  const row = admin.getByTestId('case-row').filter({ hasText: KNOWN_BAD.account.acct });
  await expect(async () => {
    await admin.reload();
    await expect(row).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  caseUrl = (await row.getAttribute('data-href'))!;
  caseId = caseUrl.split('/').pop()!;

  await admin.goto(caseUrl);
  // The case opened with the first matched copy, before every instance was connected: ask them all now.
  const again = admin.getByRole('button', { name: 'Search again' });
  await expect(again).toBeEnabled({ timeout: 60_000 });
  await again.click();
  const copies = admin.getByTestId('case-copy');
  await expect(async () => {
    await admin.reload();
    const instances = new Set((await copies.locator('th').allInnerTexts()).map((t) => t.split('\n')[0].trim()));
    for (const slot of SLOTS) expect(instances, NAMES[slot]).toContain(NAMES[slot]);
  }).toPass({ timeout: 150_000 });

  const detail = (await (await admin.request.get(`/api/cases/${caseId}`)).json()) as { copies: { postUrl: string | null; mediaUrl: string | null }[] };
  expect(detail.copies.length).toBeGreaterThanOrEqual(SLOTS.length);
  // Federated copies often record the origin's post URL: the report lists each distinct URL once.
  copyUrls = [...new Set(detail.copies.map((c) => c.postUrl ?? c.mediaUrl).filter((u): u is string => Boolean(u)))];
  expect(copyUrls.length).toBeGreaterThan(0);
});

test('the owner points CyberTipline at the fake in Settings and the connection test succeeds', async () => {
  test.setTimeout(120_000);
  await admin.goto('/settings');
  const card = admin.getByTestId('ncmec-settings');
  await expect(card).toBeVisible();
  const environment = card.getByLabel('Environment');
  const custom = await environment.locator('option', { hasText: 'Custom' }).getAttribute('value');
  await environment.selectOption(custom ?? 'custom');
  await card.getByLabel('Custom base URL').fill(`${ncmec.url}/ispws`);
  await card.getByLabel('Username').fill(NCMEC_USER);
  await card.getByLabel('Password', { exact: true }).fill(NCMEC_PASSWORD);
  await card.getByLabel(/Local test server/).check();
  await card.getByLabel('Reporter first name').fill('Erin');
  await card.getByLabel('Reporter last name').fill('Example');
  await card.getByLabel('Reporter email').fill('reporter@e2e.test');
  await card.getByLabel('Organization name').fill('E2E Moderation Collective');
  const [saved] = await Promise.all([
    admin.waitForResponse((r) => r.url().endsWith('/api/settings/ncmec') && r.request().method() === 'PUT'),
    card.getByTestId('ncmec-save').click(),
  ]);
  expect(saved.status(), await saved.text()).toBe(200);

  const [tested] = await Promise.all([
    admin.waitForResponse((r) => r.url().endsWith('/api/settings/ncmec/test') && r.request().method() === 'POST'),
    card.getByTestId('ncmec-test').click(),
  ]);
  expect(tested.status()).toBe(200);
  const result = (await tested.json()) as { ok: boolean; detail: string };
  expect(result.ok, result.detail).toBe(true);
  await expect(card.getByTestId('ncmec-test-result')).toBeVisible();
  expect(ncmec.state.calls.some((c) => c.path.endsWith('/status'))).toBe(true);

  // Write-only: after a reload the password field is empty and the page does not hold it.
  await admin.reload();
  await expect(card.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(card.getByLabel('Custom base URL')).toHaveValue(`${ncmec.url}/ispws`);
  expect(await admin.content()).not.toContain(NCMEC_PASSWORD);
  expect(await seriousViolations(admin), 'settings page').toEqual([]);
});

test('a moderator without the filing permission cannot file, in the page or through the route', async () => {
  test.setTimeout(60_000);
  await moderator.goto(caseUrl);
  const panel = moderator.getByTestId('filing-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Filing needs the filing permission');
  const review = panel.getByTestId('filing-review');
  if ((await review.count()) > 0) await expect(review).toBeDisabled();
  const status = await moderator.evaluate(async (id) => {
    const res = await fetch(`/api/cases/${id}/filings/preview`, { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return res.status;
  }, caseId);
  expect(status).toBe(403);
  expect(await fakeReports()).toEqual([]);
});

test('the owner reviews exactly what will be sent, files once, and the report reaches Finished', async () => {
  test.setTimeout(180_000);
  const { md5 } = await knownBadHashes();
  await admin.goto(caseUrl);
  const panel = admin.getByTestId('filing-panel');
  const review = panel.getByTestId('filing-review');
  await expect(review).toBeEnabled({ timeout: 30_000 });
  await expect(review).toHaveText(/Review CyberTipline report/);
  await review.click();

  // Preparing may seal the evidence first (fetching each copy's file): allow for it.
  const dialog = admin.getByTestId('filing-confirm');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  // Esc closes it without sending anything; reviewing again shows the same report.
  const firstSha = (await dialog.getByTestId('filing-sha').textContent())?.trim() ?? '';
  expect(firstSha).toMatch(/^[0-9a-f]{64}$/);
  await admin.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await fakeReports()).toEqual([]);
  await review.click();
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  expect((await dialog.getByTestId('filing-sha').textContent())?.trim()).toBe(firstSha);
  // A custom URL is never NCMEC: the confirmation says so.
  await expect(dialog.getByTestId('filing-test-badge')).toBeVisible();
  await expect(dialog.getByTestId('filing-destination')).toContainText(`${ncmec.url}/ispws`);
  const urls = dialog.getByTestId('filing-urls');
  for (const u of copyUrls) await expect(urls, u).toContainText(u);
  const files = dialog.getByTestId('filing-files');
  await expect(files).toContainText(md5);
  const shownMd5 = (await files.getByTestId('filing-file-md5').allInnerTexts()).map((t) => t.trim());
  expect(shownMd5.length).toBeGreaterThan(0);
  for (const m of shownMd5) expect(m).toMatch(/^[0-9a-f]{32}$/);
  const xml = await dialog.getByTestId('filing-xml').textContent();
  expect(xml).toContain('<report');
  for (const u of copyUrls) expect(xml, u).toContain(xmlEscape(u));
  expect(xml).not.toContain(NCMEC_PASSWORD);
  expect(await seriousViolations(admin), 'case page with the filing confirmation open').toEqual([]);

  const submit = dialog.getByTestId('filing-submit');
  await dialog.getByTestId('filing-ack').check();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // The worker of `npm start` drives submit → upload → file info → finish.
  await expect(panel.getByTestId('filing-state')).toContainText('Finished', { timeout: 60_000 });
  const reports = await fakeReports();
  expect(reports).toHaveLength(1);
  const [report] = reports;
  await expect(panel.getByTestId('filing-report-id')).toContainText(String(report.reportId));
  expect(report.state).toBe('finished');
  for (const u of copyUrls) expect(report.xml, u).toContain(xmlEscape(u));
  expect(new Set(report.files.map((f) => f.md5))).toEqual(new Set(shownMd5));
  expect(report.fileinfos.length).toBe(report.files.length);
  expect(ncmec.state.calls.filter((c) => c.path.endsWith('/submit'))).toHaveLength(1);

  // Filing again is not offered: the case has its live filing.
  await admin.reload();
  await expect(panel.getByTestId('filing-report-id')).toContainText(String(report.reportId));
  await expect(panel.getByTestId('filing-review')).toHaveCount(0);
});

test('the owner forwards to the origin through Misskey, once', async () => {
  test.setTimeout(120_000);
  await admin.goto(caseUrl);
  const panel = admin.getByTestId('forward-panel');
  await expect(panel).toBeVisible();
  const options = panel.locator('input[name="forward-option"]');
  await expect(options.first()).toBeAttached({ timeout: 30_000 });
  const offered = await options.evaluateAll((els) => els.map((e) => ({ value: e.getAttribute('value'), disabled: e instanceof HTMLInputElement && e.disabled })));
  const misskeyKey = `instance_forward:${misskeyId}`;
  expect(offered, 'the Misskey report forward is offered').toContainEqual({ value: misskeyKey, disabled: false });
  await panel.locator(`input[name="forward-option"][value="${misskeyKey}"]`).check();
  await panel.getByTestId('forward-submit').click();

  const row = panel.getByTestId('forward-row').first();
  await expect(async () => {
    await admin.reload();
    await expect(row).toHaveAttribute('data-state', 'sent', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toHaveAttribute('data-method', 'instance_forward');
  await expect(panel.getByTestId('forward-row')).toHaveCount(1);

  // Misskey's write log: exactly one forward call, answered with success.
  const misskeyUrl = scenario.fake('misskey').url;
  const records = (await (await fetch(`${misskeyUrl}/__fake/records`)).json()) as { endpoint: string; status: number }[];
  const forwardCalls = records.filter((r) => r.endpoint === 'admin/forward-abuse-user-report');
  expect(forwardCalls).toHaveLength(1);
  expect(forwardCalls[0].status).toBeLessThan(300);
  await expect(panel.getByTestId('forward-submit')).toHaveCount(0);
});

test('the fake CyberTipline password never came back in a page, an API answer or the server log', async () => {
  for (const page of [admin, moderator]) {
    await page.goto(caseUrl);
    // Viewers of the case see the receipt too, the moderator without the permission included.
    await expect(page.getByTestId('filing-panel')).toContainText('Finished');
    expect(await page.content()).not.toContain(NCMEC_PASSWORD);
  }
  for (const w of watches) {
    expect(w.seen()).toBeGreaterThan(10);
    expect(await w.leaks()).toEqual([]);
  }
  expect(serverLog()).not.toContain(NCMEC_PASSWORD);
});

