/**
 * Steps the known-bad scenario specs share (07 onwards): sign the owner in (creating it
 * when a spec runs alone), make room for a fresh case, connect one fake and wait for its first sync, invite a user,
 * and axe's serious/critical findings.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { OWNER, signIn, submitConnectForm } from './flows';
import { readSetupLink } from './server-log';

export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** Signs the owner in, creating it from the one-time setup link when the spec runs on its own. */
export async function ownerSignIn(page: Page): Promise<void> {
  await page.goto('/');
  if (/\/setup/.test(page.url())) {
    const link = new URL(await readSetupLink());
    await page.goto(link.pathname + link.search);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Password again').fill(OWNER.password);
    await page.getByRole('button', { name: /create/i }).click();
    await expect(page).toHaveURL(/\/queue/);
    return;
  }
  await signIn(page, OWNER.email, OWNER.password);
}

/**
 * In the full suite, earlier specs' open cases would absorb a new scenario's copies, and their instances' fakes are
 * gone: close those cases and remove those instances so the scenario opens a fresh case. An instance whose copies
 * hold purge receipts (07's) cannot be removed (receipts are immutable and keep their copies): its sync is turned
 * off instead, so it only adds a failed lookup to the new case.
 */
export async function makeRoomForScenario(page: Page, reason: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  const active = (await (await page.request.get('/api/cases?state=active')).json()) as { items: { id: string }[] };
  for (const c of active.items) {
    const res = await page.request.patch(`/api/cases/${c.id}`, { data: { state: 'closed', reason }, headers: { origin } });
    expect(res.status()).toBe(200);
  }
  const old = (await (await page.request.get('/api/instances')).json()) as { instances: { id: string }[] };
  for (const i of old.instances) {
    if ((await page.request.delete(`/api/instances/${i.id}`, { headers: { origin } })).status() === 200) continue;
    expect((await page.request.patch(`/api/instances/${i.id}`, { data: { syncEnabled: false }, headers: { origin } })).status()).toBe(200);
  }
}

/** Creates a match bank (csam, severity 5) holding one PDQ hash, through the Banks page. */
export async function createPdqBank(page: Page, name: string, pdqHex: string): Promise<void> {
  await page.goto('/banks');
  const form = page.getByRole('form', { name: 'New bank' });
  await form.getByLabel('Name').fill(name);
  await form.locator('select[name=label]').selectOption('csam');
  await form.locator('select[name=severity]').selectOption('5');
  await form.getByRole('button', { name: 'Create bank' }).click();
  await expect(page).toHaveURL(/\/banks\/[0-9a-f-]{36}$/);
  const importForm = page.getByRole('form', { name: 'Import hashes' });
  await importForm.locator('input[type=file]').setInputFiles({ name: 'known-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`hash,label\n${pdqHex},known-bad-test-pattern\n`) });
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText(/1 accepted/)).toBeVisible();
}

/**
 * Connects one fake with "Detect automatically" and waits for its first sync; returns the instance id. Not
 * flows.ts's connectDetected: that waits for a non-zero open-report count, which a fake may not have.
 */
export async function connectAndSync(page: Page, url: string, token: string, name: string, kind: string): Promise<string> {
  await submitConnectForm(page, url, token, name);
  await expect(page.getByText(new RegExp(`detected as ${kind}`, 'i')).first()).toBeVisible();
  await expect(page.getByTestId('last-sync')).not.toHaveText('not yet', { timeout: 60_000 });
  return page.url().split('/').pop()!;
}

/** The owner invites a user with a role; the invitee sets a password in a context of their own. */
export async function inviteUser(admin: Page, browser: Browser, user: { email: string; password: string }, role: string): Promise<Page> {
  await admin.goto('/users');
  const invite = admin.locator('form').filter({ has: admin.locator('select[name=role]') });
  await invite.locator('input[name=email]').fill(user.email);
  await invite.locator('select[name=role]').selectOption(role);
  await invite.getByRole('button', { name: /invite/i }).click();
  const link = await admin.getByLabel('Invite link').inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Password again').fill(user.password);
  await page.getByRole('button', { name: /create|accept|join/i }).click();
  await expect(page).toHaveURL(/\/(queue|signin)/);
  if (page.url().includes('/signin')) await signIn(page, user.email, user.password);
  return page;
}
