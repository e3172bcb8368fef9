/**
 * One team, many instances, end to end in Chromium (issue 12). The known-bad scenario's Mastodon (alpha) and
 * Misskey both hold a report against the same remote account (spreader@spreader.test), plus a few ordinary reports.
 * - Two moderators in two browser contexts: the second sees the first's soft claim, in the queue and on the page.
 * - The account suspended on alpha shows as suspended on its account page and on Misskey's report; "suspend
 *   everywhere" reaches every other fake that can (Misskey), and says why alpha is skipped.
 * - A team note with a mention lands in the colleague's inbox.
 * - Bulk resolve of three reports reaches the fake three times; `r` then Undo sends nothing.
 * - Dark mode and a 390 px viewport: screenshots, and axe over every page with zero serious or critical violations.
 *
 * Runs after 01-08 in the full suite (earlier cases are closed and instances removed first) or alone.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { KNOWN_BAD } from './fakes/federation/known-bad';
import { startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from './fakes/federation/start-scenario';
import { connectAndSync, inviteUser, makeRoomForScenario, ownerSignIn, seriousViolations } from './support/scenario-flows';

test.describe.configure({ mode: 'serial' });

const SLOTS: ScenarioSlot[] = ['alpha', 'misskey'];
const NAMES: Record<string, string> = { alpha: 'Team Alpha', misskey: 'Team Misskey' };
const MODERATOR = { email: 'team-moderator@fedimod.test', password: 'team moderator password long enough' };
const HANDLE = KNOWN_BAD.account.acct.toLowerCase();

let scenario: KnownBadScenario;
let owner: Page;
let moderator: Page;
const ids: Record<string, string> = {};

interface Records { method?: string; path?: string; endpoint?: string; body?: unknown }
async function records(slot: ScenarioSlot): Promise<Records[]> {
  return (await (await fetch(`${scenario.fake(slot).url}/__fake/records`)).json()) as Records[];
}
const mastodonResolves = async () => (await records('alpha')).filter((r) => r.method === 'POST' && /\/api\/v1\/admin\/reports\/[^/]+\/resolve$/.test(r.path ?? ''));

interface QueueItem { id: string; instance: { id: string }; target: { acct: string }; status: string }
/** Settings → Appearance applies at once; wait for "Saved." before leaving the page. */
async function setTheme(page: Page, theme: 'system' | 'light' | 'dark'): Promise<void> {
  await page.goto('/settings');
  const radio = page.locator(`input[name=theme][value=${theme}]`);
  if (await radio.isChecked()) return;
  await radio.check();
  await expect(page.getByTestId('appearance')).toContainText('Saved.');
}

async function openReports(page: Page, instanceId: string): Promise<QueueItem[]> {
  const body = (await (await page.request.get(`/api/queue?instanceId=${instanceId}&limit=200`)).json()) as { items: QueueItem[] };
  return body.items;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: SLOTS, reports: 5 });
  owner = await (await browser.newContext()).newPage();
  await ownerSignIn(owner);
});

test.afterAll(async () => {
  await scenario?.close();
});

test('two instances hold reports against one account; a moderator joins the team', async ({ browser }) => {
  test.setTimeout(300_000);
  await makeRoomForScenario(owner, 'e2e: make room for the team scenario');
  for (const slot of SLOTS) {
    const f = scenario.fake(slot);
    ids[slot] = await connectAndSync(owner, f.url, f.token, NAMES[slot], f.kind);
  }
  moderator = await inviteUser(owner, browser, MODERATOR, 'moderator');
});

test('the second moderator sees the first one’s claim, in the queue and on the report', async () => {
  const [report] = (await openReports(owner, ids.alpha)).filter((r) => r.target.acct !== KNOWN_BAD.account.acct);
  await owner.goto(`/reports/${report.id}`);
  await expect(owner.getByTestId('claim-banner')).toHaveAttribute('data-mine', 'true');
  await moderator.goto(`/queue?instanceId=${ids.alpha}`);
  await expect(moderator.locator(`#queue-row-${report.id}`)).toContainText('owner is on it');
  await moderator.goto(`/reports/${report.id}`);
  await expect(moderator.getByTestId('claim-banner')).toHaveAttribute('data-mine', 'false');
  await expect(moderator.getByTestId('claim-banner')).toContainText(/owner/i);
  // Leaving the page releases the claim: the moderator's queue no longer shows it.
  await owner.goto('/queue');
  await expect(async () => {
    await moderator.goto(`/queue?instanceId=${ids.alpha}`);
    await expect(moderator.locator(`#queue-row-${report.id}`)).not.toContainText(/is on it/i, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test('an account suspended on one instance shows as suspended on its page and on another instance’s report; suspend everywhere reaches the rest', async () => {
  test.setTimeout(120_000);
  const onAlpha = (await openReports(owner, ids.alpha)).find((r) => r.target.acct === KNOWN_BAD.account.acct)!;
  const onMisskey = (await openReports(owner, ids.misskey)).find((r) => r.target.acct.toLowerCase().startsWith(KNOWN_BAD.account.acct.split('@')[0]))!;
  expect(onAlpha, 'alpha reports the known-bad account').toBeTruthy();
  expect(onMisskey, 'misskey reports the known-bad account').toBeTruthy();

  await owner.goto(`/reports/${onAlpha.id}`);
  await owner.locator('select[name=account-action-type]').selectOption('suspend');
  owner.once('dialog', (d) => void d.accept());
  await owner.getByRole('button', { name: 'Apply to account' }).click();
  await expect(owner.getByTestId('action-row').filter({ hasText: 'Suspend account' }).first()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  await owner.goto(`/accounts/${encodeURIComponent(HANDLE)}`);
  const states = owner.getByTestId('account-states');
  await expect(states.getByTestId('state-row').filter({ hasText: NAMES.alpha })).toHaveAttribute('data-state', 'suspended');

  await owner.goto(`/reports/${onMisskey.id}`);
  const elsewhere = owner.getByTestId('account-elsewhere');
  await expect(elsewhere).toContainText(NAMES.alpha);
  await expect(elsewhere).toContainText(/suspended/i);

  await elsewhere.getByRole('link', { name: /all about this account/i }).click();
  await expect(owner).toHaveURL(/\/accounts\//);
  // Before anything is sent, the panel says which instances it will reach and why the others are skipped.
  await expect(owner.getByTestId('apply-preview')).toContainText(/already suspended/i);
  await owner.getByTestId('apply-everywhere').click();
  await expect(owner.getByTestId('apply-confirm-dialog')).toContainText(NAMES.misskey);
  await owner.getByTestId('apply-confirm').click();
  const results = owner.getByTestId('apply-results');
  await expect(results).toContainText(NAMES.misskey);
  await expect(results).toContainText(/already suspended/i);
  await expect(async () => {
    const suspended = (await records('misskey')).filter((r) => r.endpoint === 'admin/suspend-user');
    expect(suspended).toHaveLength(1);
  }).toPass({ timeout: 30_000 });
});

test('a team note mentioning a colleague lands in their inbox', async () => {
  const [report] = await openReports(owner, ids.misskey);
  await owner.goto(`/reports/${report.id}`);
  const notes = owner.getByTestId('team-notes');
  await notes.getByLabel('New note').fill('@team-moderator can you take this one? Looks like a brigade.');
  await notes.getByRole('button', { name: 'Add team note' }).click();
  await expect(notes).toContainText('Looks like a brigade.');
  // The page says the mention was recorded before the colleague looks (the inbox is rendered once per visit).
  await expect(notes).toContainText('1 colleague told');
  await expect(async () => {
    await moderator.goto('/inbox');
    await expect(moderator.getByText('Looks like a brigade.')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(moderator.getByTestId('inbox-count').first()).toHaveAttribute('data-count', '1');
});

test('bulk resolve of three reports sends three resolves; r then Undo sends nothing', async () => {
  test.setTimeout(120_000);
  const before = (await mastodonResolves()).length;
  await owner.goto(`/queue?instanceId=${ids.alpha}`);
  const list = owner.getByRole('listbox');
  await list.focus();
  for (let i = 0; i < 3; i++) {
    await owner.keyboard.press('x');
    await owner.keyboard.press('j');
  }
  const bar = owner.getByTestId('bulk-bar');
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: /^resolve/i }).click();
  await expect(async () => expect((await mastodonResolves()).length).toBe(before + 3)).toPass({ timeout: 40_000 });

  // One-key resolve waits in its undo window; Undo withdraws it before anything is sent.
  await owner.goto(`/queue?instanceId=${ids.alpha}`);
  await owner.getByRole('listbox').focus();
  await owner.keyboard.press('r');
  const toast = owner.getByRole('status').filter({ hasText: /undo/i });
  await toast.getByRole('button', { name: /undo/i }).click();
  await expect(owner.getByTestId('toast').filter({ hasText: /nothing was sent/i })).toBeVisible();
  await owner.waitForTimeout(8_000);
  expect((await mastodonResolves()).length).toBe(before + 3);
});

test('dark mode and a phone-width viewport, with screenshots', async () => {
  await setTheme(owner, 'dark');
  await owner.goto('/queue');
  await expect(owner.locator('html')).toHaveClass(/dark/);
  const bg = await owner.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(247, 247, 245)');
  await owner.setViewportSize({ width: 1440, height: 900 });
  await owner.screenshot({ path: test.info().outputPath('queue-dark-1440.png'), fullPage: true });
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.screenshot({ path: test.info().outputPath('queue-dark-390.png'), fullPage: true });
  // At 390 px the links live behind the menu button, and the page does not scroll sideways.
  const menu = owner.getByTestId('nav-menu-button');
  await menu.click();
  await expect(owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' })).toBeVisible();
  expect(await owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
});

test('axe: zero serious or critical violations on every page, dark and light, 1440 and 390 px', async () => {
  test.setTimeout(300_000);
  const [report] = await openReports(owner, ids.misskey);
  const cases = (await (await owner.request.get('/api/cases?state=all')).json()) as { items: { id: string }[] };
  const pages = [
    '/queue', `/reports/${report.id}`, '/cases', ...(cases.items[0] ? [`/cases/${cases.items[0].id}`] : []),
    `/accounts/${encodeURIComponent(HANDLE)}`, `/domains/${HANDLE.split('@')[1]}`, '/search?q=spreader', '/inbox', '/team',
    '/instances', `/instances/${ids.alpha}`, '/instances/new', '/banks', '/audit', '/users', '/settings',
  ];
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(owner, theme);
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      await owner.setViewportSize(viewport);
      for (const path of pages) {
        await owner.goto(path);
        await owner.waitForLoadState('networkidle');
        expect(await seriousViolations(owner), `${theme} ${viewport.width}px ${path}`).toEqual([]);
      }
    }
  }
  await setTheme(owner, 'system');
});
