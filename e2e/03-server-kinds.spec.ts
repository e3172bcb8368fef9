/**
 * GoToSocial, Akkoma and Misskey next to Mastodon in one queue, in Chromium: each is connected with automatic
 * detection, its reports appear in the shared queue, and actions clicked in the dashboard reach that server's own
 * endpoints (asserted from each fake's record of write calls). Runs after 01, which created the owner.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeAkkoma, type FakeAkkoma } from './fakes/akkoma/server';
import { startFakeGoToSocial, type FakeGoToSocial } from './fakes/gotosocial/server';
import { startFakeMisskey, type FakeMisskey } from './fakes/misskey/server';
import { startFakeLemmy, type FakeLemmy } from './fakes/lemmy/server';
import { startFakePeerTube, type FakePeerTube } from './fakes/peertube/server';
import { OWNER, connectDetected, signIn } from './support/flows';

test.describe.configure({ mode: 'serial' });

let gts: FakeGoToSocial;
let akkoma: FakeAkkoma;
let misskey: FakeMisskey;
let lemmy: FakeLemmy;
let peertube: FakePeerTube;
let page: Page;

const written = (f: { state: { records: unknown[] } }) => JSON.stringify(f.state.records);

test.beforeAll(async ({ browser }) => {
  gts = await startFakeGoToSocial({ reports: 5, seed: 51 });
  akkoma = await startFakeAkkoma({ reports: 5, seed: 52 });
  misskey = await startFakeMisskey({ reports: 5, seed: 53 });
  lemmy = await startFakeLemmy({ reports: 5, seed: 54 });
  peertube = await startFakePeerTube({ reports: 5, seed: 55 });
  page = await (await browser.newContext()).newPage();
  await signIn(page, OWNER.email, OWNER.password);
});

test.afterAll(async () => {
  await gts?.close();
  await akkoma?.close();
  await misskey?.close();
  await lemmy?.close();
  await peertube?.close();
});

async function connectAuto(url: string, token: string, name: string, detected: RegExp): Promise<void> {
  await connectDetected(page, url, token, name, detected);
}

async function openFirstReportOf(instanceName: string): Promise<void> {
  await page.goto('/queue');
  const row = page.getByRole('listbox').getByRole('option').filter({ hasText: instanceName }).first();
  await expect(row).toBeVisible();
  await row.click();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('action-panel')).toBeVisible();
}

/**
 * Resolves from a report opened through the queue: once the worker has it done, the page moves on to the next
 * report of the queue (issue 12), so the proof is the fake's record and the "opened the next report" notice.
 */
async function resolveFromQueue(fake: { state: { records: unknown[] } }, sent: RegExp | string): Promise<void> {
  await page.getByRole('button', { name: 'Resolve report' }).click();
  await expect.poll(() => written(fake), { timeout: 30_000 }).toMatch(sent);
  await expect(page.getByText('Opened the next report')).toBeVisible({ timeout: 30_000 });
}

test('connect every other server kind with detection; one queue holds them all', async () => {
  await connectAuto(gts.url, gts.token, 'Garden GTS', /detected as gotosocial/);
  await connectAuto(akkoma.url, akkoma.token, 'Acorn Akkoma', /detected as akkoma/);
  await connectAuto(misskey.url, misskey.token, 'Maple Misskey', /detected as misskey/);
  await connectAuto(lemmy.url, lemmy.token, 'Linden Lemmy', /detected as lemmy/);
  await connectAuto(peertube.url, peertube.token, 'Poplar PeerTube', /detected as peertube/);
  await page.goto('/queue');
  for (const name of ['Garden GTS', 'Acorn Akkoma', 'Maple Misskey', 'Linden Lemmy', 'Poplar PeerTube']) {
    await expect(page.getByRole('listbox').getByRole('option').filter({ hasText: name }).first()).toBeVisible();
  }
  await page.goto('/instances');
  await expect(page.getByTestId('capability-matrix')).toContainText('misskey');
});

test('GoToSocial: only what its API can do is offered; a suspend reaches it', async () => {
  await openFirstReportOf('Garden GTS');
  await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  // What the server cannot do is folded under its own heading, so the panel stays short.
  await page.getByTestId('unsupported-actions').locator('summary').click();
  await expect(page.getByTestId('unsupported-report.assign_to_self')).toBeVisible();
  await expect(page.locator('select[name=account-action-type] option')).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Apply to account' }).click();
  await expect(page.getByTestId('action-row').filter({ hasText: 'Suspend account' }).first()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(written(gts)).toMatch(/\/api\/v1\/admin\/accounts\/[^"]+\/action/);
});

test('Akkoma: delete a post and resolve with a note', async () => {
  await openFirstReportOf('Acorn Akkoma');
  const del = page.getByRole('button', { name: 'Delete post' }).first();
  if (await del.count()) {
    page.once('dialog', (d) => void d.accept());
    await del.click();
    await expect(page.getByTestId('action-row').filter({ hasText: 'Delete post' }).first()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(written(akkoma)).toMatch(/"method":"DELETE","path":"\/api\/v1\/pleroma\/admin\/statuses\//);
  }
  await page.getByLabel('Resolution comment').fill('Handled from the dashboard (e2e).');
  await resolveFromQueue(akkoma, /"method":"PATCH","path":"\/api\/v1\/pleroma\/admin\/reports"/);
  expect(written(akkoma)).toContain('Handled from the dashboard (e2e).');
});

test('Misskey: resolve reaches admin/resolve-abuse-user-report', async () => {
  await openFirstReportOf('Maple Misskey');
  await resolveFromQueue(misskey, 'admin/resolve-abuse-user-report');
});

test('Lemmy: a site ban and a resolve reach it', async () => {
  await openFirstReportOf('Linden Lemmy');
  await expect(page.getByText(/On Lemmy this is a site ban/).first()).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Apply to account' }).click();
  await expect(page.getByTestId('action-row').filter({ hasText: 'Suspend account' }).first()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  expect(written(lemmy)).toContain('/api/v3/user/ban');
  await resolveFromQueue(lemmy, /\/api\/v3\/(post|comment|private_message)\/report\/resolve/);
});

test('PeerTube: a resolve reaches /api/v1/abuses', async () => {
  await openFirstReportOf('Poplar PeerTube');
  await resolveFromQueue(peertube, /"PUT","path":"\/api\/v1\/abuses\//);
});
