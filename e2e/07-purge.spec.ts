/**
 * Purge with receipts, end to end in Chromium (issue 10): the known-bad scenario's six server kinds hold (or, for
 * PeerTube, cannot be asked about) one synthetic test image. A moderator opens the case, reviews the plan (each
 * instance's default option), confirms with the typed "purge" (suspensions reach whole accounts); the Mastodon
 * account deletions wait for an admin, who approves them; receipts arrive for every instance (PeerTube: cannot
 * verify); the case shows Purged. The admin then exports the evidence ZIP, and the test opens it and checks every
 * manifest item's SHA-256 and the manifest's own SHA-256 against the hash the case page shows. axe on the way.
 *
 * Runs after 01-06 in the full suite (earlier cases are closed first so this scenario opens a fresh one) or alone
 * (`npx playwright test e2e/07-purge.spec.ts`: it then creates the owner from the server log itself).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { KNOWN_BAD } from './fakes/federation/known-bad';
import { knownBadHashes, startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from './fakes/federation/start-scenario';
import { connectAndSync, createPdqBank, inviteUser, makeRoomForScenario, ownerSignIn, seriousViolations } from './support/scenario-flows';

test.describe.configure({ mode: 'serial' });

const SLOTS: ScenarioSlot[] = ['alpha', 'beta', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube'];
const NAMES: Record<string, string> = {
  alpha: 'Purge Alpha', beta: 'Purge Beta', gotosocial: 'Purge GTS', akkoma: 'Purge Akkoma', misskey: 'Purge Misskey', lemmy: 'Purge Lemmy', peertube: 'Purge PeerTube',
};
const HOLDERS = SLOTS.filter((s) => s !== 'peertube');
const MODERATOR = { email: 'purge-moderator@fedimod.test', password: 'purge moderator password long enough' };
const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

let scenario: KnownBadScenario;
let admin: Page;
let moderator: Page;
let caseUrl: string;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: SLOTS, reports: 2 });
  admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await ownerSignIn(admin);
});

test.afterAll(async () => {
  await scenario?.close();
});

test('the known-bad item opens a case holding copies on six server kinds', async ({ browser }) => {
  test.setTimeout(420_000);
  await makeRoomForScenario(admin, 'e2e: make room for the purge scenario');

  await createPdqBank(admin, 'Known-bad test pattern (purge e2e)', (await knownBadHashes()).pdqHex);

  for (const slot of SLOTS) {
    const f = scenario.fake(slot);
    await connectAndSync(admin, f.url, f.token, NAMES[slot], f.kind);
  }

  // A moderator (the one who will purge), invited by the owner.
  moderator = await inviteUser(admin, browser, MODERATOR, 'moderator');

  await moderator.goto('/cases');
  const row = moderator.getByTestId('case-row').filter({ hasText: KNOWN_BAD.account.acct });
  await expect(async () => {
    await moderator.reload();
    await expect(row).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await expect(row.getByTestId('case-purge')).toContainText('—');
  caseUrl = (await row.getAttribute('data-href'))!;

  await moderator.goto(caseUrl);
  // The case opened with the first matched copy, before every instance was connected: ask them all now.
  const again = moderator.getByRole('button', { name: 'Search again' });
  await expect(again).toBeEnabled({ timeout: 60_000 });
  await again.click();
  const copies = moderator.getByTestId('case-copy');
  await expect(async () => {
    await moderator.reload();
    const instances = new Set((await copies.locator('th').allInnerTexts()).map((t) => t.split('\n')[0].trim()));
    for (const slot of HOLDERS) expect(instances, NAMES[slot]).toContain(NAMES[slot]);
  }).toPass({ timeout: 150_000 });
  await expect(moderator.getByTestId('case-lookup').filter({ hasText: NAMES.peertube })).toContainText('Cannot check without fetching', { timeout: 60_000 });
});

test('a moderator reviews the plan and confirms it with the typed confirmation', async () => {
  test.setTimeout(120_000);
  await moderator.goto(caseUrl);
  const panel = moderator.getByTestId('purge-panel');
  await panel.getByRole('button', { name: 'Remove every copy…' }).click();
  const rows = panel.getByTestId('purge-plan-row');
  await expect(rows).toHaveCount(HOLDERS.length);
  for (const slot of HOLDERS) await expect(panel.locator(`[data-testid="purge-plan-row"][data-instance="${NAMES[slot]}"]`)).toBeVisible();
  await expect(panel).toContainText('Evidence will be sealed first');
  await expect(panel).toContainText(`${NAMES.peertube} (peertube): cannot check`);
  // Mastodon's default: suspend, then delete the account's data (an admin step, cannot be undone, reaches the account).
  const alphaRow = panel.locator(`[data-testid="purge-plan-row"][data-instance="${NAMES.alpha}"]`);
  await expect(alphaRow.getByTestId('purge-option')).toHaveValue('suspend_delete_data');
  await expect(alphaRow).toContainText('Reaches everything this account posted here');
  await expect(alphaRow).toContainText('Cannot be undone');
  await expect(alphaRow).toContainText('admin');
  // Keyboard-first: the option select is reachable and every option is announced with its reason when unavailable.
  expect(await seriousViolations(moderator), 'case page with the purge plan open').toEqual([]);

  await panel.getByTestId('purge-review').click();
  const dialog = moderator.getByTestId('purge-confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Reaches beyond this item');
  await expect(dialog).toContainText('Cannot be undone');
  await expect(dialog).toContainText(/needs? an admin/);
  const confirm = dialog.getByTestId('purge-confirm');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type "purge" to confirm').fill('purge');
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toBeHidden();

  // The Mastodon rows wait for an admin; the others start at once.
  await expect(moderator.locator(`[data-testid="purge-progress-row"][data-instance="${NAMES.alpha}"]`)).toHaveAttribute('data-phase', 'waiting_admin', { timeout: 30_000 });
  await expect(moderator.getByTestId('purge-approve')).toHaveCount(0);
  await expect(moderator.locator('header').getByText('purging', { exact: true })).toBeVisible();
});

test('an admin approves the Mastodon account deletions; receipts arrive for every instance and the case is purged', async () => {
  test.setTimeout(240_000);
  await admin.goto(caseUrl);
  const approve = admin.getByTestId('purge-approve');
  // One account deletion per Mastodon instance (alpha and beta).
  await expect(approve).toContainText('Approve 2 admin steps', { timeout: 30_000 });
  await approve.click();
  await expect(approve).toHaveCount(0, { timeout: 30_000 });

  // The moderator's page follows on its own (it polls while the run is running).
  const receipt = (slot: ScenarioSlot) => moderator.locator(`[data-testid="receipt-row"][data-instance="${NAMES[slot]}"]`);
  // Every copy's latest receipt on every instance that held one says removed (a still-served round is re-checked).
  await expect(async () => {
    for (const slot of HOLDERS) {
      const v = await receipt(slot).evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
      expect(v.length, NAMES[slot]).toBeGreaterThan(0);
      expect(new Set(v), NAMES[slot]).toEqual(new Set(['removed']));
    }
  }).toPass({ timeout: 180_000 });
  await expect(receipt('peertube').first()).toHaveAttribute('data-verdict', 'cannot_verify', { timeout: 60_000 });
  await expect(moderator.getByTestId('purge-live')).not.toBeEmpty();
  await expect(moderator.locator('header').getByText('purged', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(moderator.getByTestId('purge-totals')).toContainText(/0 still served/);
  expect(await seriousViolations(moderator), 'case page with receipts').toEqual([]);
  // Every copy's verdict in the copies table too.
  const verdicts = await moderator.getByTestId('copy-receipt').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(verdicts.length).toBeGreaterThanOrEqual(HOLDERS.length);
  expect(new Set(verdicts)).toEqual(new Set(['removed']));

  await moderator.goto('/cases?state=all');
  const row = moderator.getByTestId('case-row').filter({ hasText: KNOWN_BAD.account.acct }).filter({ hasText: 'Purged' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('case-sealed')).toBeVisible();
});

test('an admin exports the evidence ZIP; every manifest hash and the manifest hash itself check out', async () => {
  test.setTimeout(120_000);
  await admin.goto(caseUrl);
  const panel = admin.getByTestId('evidence-panel');
  const shown = (await panel.getByTestId('evidence-manifest-hash').first().innerText()).trim();
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  await panel.getByTestId('evidence-export').click();
  await admin.getByTestId('evidence-reason').fill('Law enforcement request (e2e, synthetic)');
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('evidence-export-submit').click()]);
  const zip = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  const manifestBytes = zip['manifest.json'];
  expect(manifestBytes, 'manifest.json in the ZIP').toBeTruthy();
  expect(sha256(manifestBytes)).toBe(shown);
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as { items: { n: number; path: string; kind: string; sha256: string | null }[]; copyIds: string[] };
  const stored = manifest.items.filter((i) => i.kind !== 'missing');
  expect(stored.length).toBeGreaterThan(0);
  expect(manifest.items.some((i) => i.kind === 'file')).toBe(true);
  for (const item of stored) {
    expect(zip[item.path], item.path).toBeTruthy();
    expect(sha256(zip[item.path]), item.path).toBe(item.sha256);
  }
  expect(zip['audit-trail.jsonl']).toBeTruthy();
  expect(Buffer.from(zip['audit-trail.jsonl']).toString('utf8')).toContain('case.purge_started');
});
