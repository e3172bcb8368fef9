/**
 * The whole moderator journey in Chromium against `npm start`, with two fake Mastodon instances:
 * owner setup, sign-in, connecting instances, the queue, blurred media and an audited reveal, a suspend and
 * a resolve that reach the fake, the audit trail, a viewer who cannot act, and hostile HTML that never runs.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startFakeMastodon, type FakeMastodon } from './fakes/mastodon/server';
import { mediaPath } from './fakes/mastodon/serialize-status';
import { OWNER, connectInstance, signIn } from './support/flows';
import { readSetupLink, serverLog } from './support/server-log';

test.describe.configure({ mode: 'serial' });

let alpha: FakeMastodon;
let beta: FakeMastodon;
let page: Page;
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  alpha = await startFakeMastodon({ reports: 14, seed: 101, domain: 'alpha.test', title: 'Alpha Social', token: 'alpha-e2e-admin-token-0001' });
  beta = await startFakeMastodon({ reports: 9, seed: 202, domain: 'beta.test', title: 'Beta Town', token: 'beta-e2e-admin-token-0002' });
  // A report whose comment and status carry script payloads.
  alpha.addReport({
    comment: '<script>window.__xss=1</script><img src=x onerror="window.__xss=1"> hostile comment',
    statusHtml: '<p>hostile status<script>window.__xss=1</script><img src=x onerror="window.__xss=1"></p>',
    mediaTypes: ['image'],
  });
  page = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await alpha?.close();
  await beta?.close();
});

test('first visit shows how to create the owner; the one-time link creates it', async () => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup/);
  await expect(page.getByText(/server log/i).first()).toBeVisible();
  const link = await readSetupLink();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Password again').fill(OWNER.password);
  await page.getByRole('button', { name: /create/i }).click();
  await expect(page).toHaveURL(/\/queue/);
  // The link is one-time.
  const again = await page.request.post('/api/setup', { data: { token: new URL(link).searchParams.get('token'), email: 'x@y.test', password: 'another long password' }, headers: { origin: new URL(page.url()).origin } });
  expect(again.ok()).toBe(false);
});

test('sign out and sign in with email and password', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong password entirely');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, OWNER.email, OWNER.password);
});

test('connect two fake instances; they sync and the token never reaches a page', async () => {
  await connectInstance(page, alpha.url, alpha.token, 'Alpha Social');
  await expect(page.getByTestId('verify-checks')).toContainText('admin:read:reports');
  expect(await page.content()).not.toContain(alpha.token);
  await connectInstance(page, beta.url, beta.token, 'Beta Town');
  await page.goto('/instances');
  await expect(page.getByTestId('instance-row')).toHaveCount(2);
  const html = await page.content();
  const api = await (await page.request.get('/api/instances')).text();
  for (const t of [alpha.token, beta.token]) {
    expect(html).not.toContain(t);
    expect(api).not.toContain(t);
    expect(serverLog()).not.toContain(t);
  }
});

test('the queue shows open reports from both instances', async () => {
  await page.goto('/queue');
  const rows = page.getByRole('listbox').getByRole('option');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option').filter({ hasText: 'Alpha Social' }).first()).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option').filter({ hasText: 'Beta Town' }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.screenshot({ path: 'test-results/queue.png', fullPage: true });
});

test('script payloads in comments and statuses never execute', async () => {
  await page.goto('/queue');
  const hostile = page.getByRole('listbox').getByRole('option').filter({ hasText: 'hostile comment' }).first();
  await expect(hostile).toBeVisible();
  await hostile.click();
  await page.keyboard.press('Enter');
  await expect(page.getByText('hostile status')).toBeVisible();
  await expect(page.getByText(/<script>window.__xss=1<\/script>/).first()).toBeVisible(); // shown as text
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

let reportUrl = '';

test('media are served blurred; a reveal serves the original and is audited', async () => {
  await page.goto('/queue?hasMedia=1');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}/);
  reportUrl = page.url();
  const preview = page.locator('img[alt*="blurred preview"]').first();
  await expect(preview).toBeVisible();
  const src = (await preview.getAttribute('src'))!;
  expect(src).toMatch(/\/api\/media\/[0-9a-f-]+\/preview/);
  const mediaId = /\/api\/media\/([0-9a-f-]+)\//.exec(src)![1];
  const served = Buffer.from(await (await page.request.get(src)).body());
  const meta = await sharp(served).metadata();
  expect(meta.format).toBe('webp');
  expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(480);
  const originals = [alpha, beta].flatMap((f) => [...f.state.media.values()].filter((m) => m.type === 'image').map((m) => `${f.url}${mediaPath(m, 'original')}`));
  const originalBytes = await Promise.all(originals.map(async (u) => Buffer.from(await (await fetch(u)).arrayBuffer())));
  const originalHashes = new Set(originalBytes.map(sha256));
  expect(originalHashes.has(sha256(served))).toBe(false); // the preview is not any original

  await page.screenshot({ path: 'test-results/report-blurred.png', fullPage: true });
  await page.getByRole('button', { name: /^Reveal/ }).first().click();
  const revealed = page.locator('img[alt*="original, revealed"]').first();
  await expect(revealed).toBeVisible();
  const revealedSrc = (await revealed.getAttribute('src'))!;
  expect(revealedSrc).toContain(`/api/media/${mediaId}/original`);
  const originalServed = Buffer.from(await (await page.request.get(revealedSrc)).body());
  expect(originalHashes.has(sha256(originalServed))).toBe(true);
  const audit = await (await page.request.get(`/api/audit?action=media.reveal`)).json();
  expect(audit.items.some((e: { targetId: string }) => e.targetId === mediaId)).toBe(true);
});

test('a suspend reaches the fake and shows as done', async () => {
  await page.goto(reportUrl);
  const target = (await page.getByTestId('action-panel').textContent()) ?? '';
  expect(target.length).toBeGreaterThan(0);
  await page.getByLabel(/^Action on /).selectOption('suspend');
  await page.getByLabel('Message to the account').fill('Suspended after review (e2e).');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Apply to account' }).click();
  const row = page.getByTestId('action-row').filter({ hasText: 'Suspend account' }).first();
  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const records = [...alpha.state.records, ...beta.state.records];
  const suspend = records.find((r) => /\/api\/v1\/admin\/accounts\/[^/]+\/action$/.test(r.path) && (r.body as { type?: string }).type === 'suspend');
  expect(suspend).toBeTruthy();
  expect((suspend!.body as { text?: string }).text).toBe('Suspended after review (e2e).');
});

test('resolve a report from the queue with the keyboard', async () => {
  const before = [...alpha.state.records, ...beta.state.records].filter((r) => r.path.endsWith('/resolve')).length;
  await page.goto('/queue');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.keyboard.press('r');
  await expect.poll(() => [...alpha.state.records, ...beta.state.records].filter((r) => r.path.endsWith('/resolve')).length, { timeout: 30_000 }).toBe(before + 1);
});

test('the audit page shows the trail and verifies the chain', async () => {
  await page.goto('/audit');
  // In the table: the action filter's options carry the same event names.
  const log = page.getByRole('table');
  await expect(log.getByText('media.reveal').first()).toBeVisible();
  await expect(log.getByText('account.action.requested').first()).toBeVisible();
  await expect(log.getByText('account.action.succeeded').first()).toBeVisible();
  await expect(log.getByText('report.resolve.requested').first()).toBeVisible();
  await expect(log.getByText('auth.sign_in').first()).toBeVisible();
  await page.getByRole('button', { name: /verify/i }).click();
  await expect(page.getByText(/intact/i)).toBeVisible();
  await page.screenshot({ path: 'test-results/audit.png', fullPage: true });
});

test('a viewer can read but cannot act', async ({ browser }) => {
  await page.goto('/users');
  const form = page.locator('form').filter({ has: page.locator('select[name=role]') });
  await form.locator('input[name=email]').fill('viewer@fedimod.test');
  await form.locator('select[name=role]').selectOption('viewer');
  await form.getByRole('button', { name: /invite/i }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(new URL(link).pathname);
  await viewer.getByLabel('Password', { exact: true }).fill('viewer password long enough');
  await viewer.getByLabel('Password again').fill('viewer password long enough');
  await viewer.getByRole('button', { name: /create|accept|join/i }).click();
  await expect(viewer).toHaveURL(/\/(queue|signin)/);
  if (viewer.url().includes('/signin')) await signIn(viewer, 'viewer@fedimod.test', 'viewer password long enough');
  await viewer.goto(reportUrl);
  await expect(viewer.getByText('You have view-only access to this report.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Apply to account' })).toHaveCount(0);
  const reportId = reportUrl.split('/').pop();
  const res = await viewer.request.post(`/api/reports/${reportId}/actions`, { data: { kind: 'report.resolve' }, headers: { origin: new URL(reportUrl).origin } });
  expect(res.status()).toBe(403);
});
