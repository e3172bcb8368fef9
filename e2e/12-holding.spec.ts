/**
 * Stop harm before review (issue 14), end to end in Chromium:
 * - The owner adds two rules in Safety: a LIVE rule that holds bank matches of severity 4 or more, and a DRY-RUN rule
 *   for severity 3 or more. Then the known-bad bank and the Mastodon fake (alpha, which holds a reported copy of the
 *   known-bad image). As the copy is hashed it matches: the live rule marks the account's media sensitive on the fake
 *   through the outbox and pins the report above the queue; the dry-run rule only records what it would have done.
 * - A moderator sees the held item at the top of the queue and confirms it.
 * - The Safety page shows the dry-run rule's "would have held" record and the rules' counts.
 * - A watched hashtag: a post carrying it on the fake lands in the queue as a watch item after "Scan now".
 * - The Safety pages in dark mode at 390 px, and axe (no serious or critical findings) on each.
 *
 * Runs after 01-11 in the full suite (earlier specs' instances are removed first) or alone.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { KNOWN_BAD } from './fakes/federation/known-bad';
import { knownBadHashes, startKnownBadScenario, type KnownBadScenario } from './fakes/federation/start-scenario';
import { connectAndSync, createPdqBank, inviteUser, makeRoomForScenario, ownerSignIn, seriousViolations } from './support/scenario-flows';

test.describe.configure({ mode: 'serial' });

const MODERATOR = { email: 'hold-moderator@fedimod.test', password: 'hold moderator password long enough' };
const LIVE_RULE = 'Hold known-bad matches (e2e)';
const DRY_RULE = 'Severity 3 and up, dry run (e2e)';
const TAG = 'e2etradetag';

let scenario: KnownBadScenario;
let owner: Page;
let moderator: Page;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: ['alpha'], reports: 2 });
  owner = await (await browser.newContext()).newPage();
  await ownerSignIn(owner);
});

test.afterAll(async () => {
  await scenario?.close();
});

interface FakeRecord { method?: string; path?: string; body?: unknown }
async function alphaRecords(): Promise<FakeRecord[]> {
  return (await (await fetch(`${scenario.fake('alpha').url}/__fake/records`)).json()) as FakeRecord[];
}

async function addRule(page: Page, rule: { name: string; minSeverity: number; live: boolean }): Promise<void> {
  await page.goto('/safety');
  const form = page.getByTestId('rule-form').filter({ hasText: 'New rule' });
  await form.getByLabel('Name').fill(rule.name);
  await form.getByLabel('Fires on').selectOption('bank_match');
  await form.getByLabel('Lowest severity (1-5)').fill(String(rule.minSeverity));
  if (rule.live) await form.getByRole('radio', { name: /^Live/ }).check();
  await form.getByTestId('rule-save').click();
  await expect(page.locator(`[data-testid=rule-row][data-rule-name="${rule.name}"]`)).toHaveCount(1);
}

test('a live rule holds the known-bad copy on its server and pins it above the queue; a moderator confirms it', async ({ browser }) => {
  test.setTimeout(420_000);
  await makeRoomForScenario(owner, 'e2e: make room for the holding scenario');
  await addRule(owner, { name: LIVE_RULE, minSeverity: 4, live: true });
  await addRule(owner, { name: DRY_RULE, minSeverity: 3, live: false });
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.screenshot({ path: 'test-results/holding-rules.png', fullPage: true });

  await createPdqBank(owner, 'Known-bad test pattern (holding e2e)', (await knownBadHashes()).pdqHex);
  const alpha = scenario.fake('alpha');
  await connectAndSync(owner, alpha.url, alpha.token, 'Holding Alpha', alpha.kind);

  // The hide reached the fake through the outbox: the account's media marked sensitive, without an e-mail.
  await expect(async () => {
    const actions = (await alphaRecords()).filter((r) => r.method === 'POST' && /\/api\/v1\/admin\/accounts\/[^/]+\/action$/.test(r.path ?? ''));
    expect(actions.map((r) => JSON.stringify(r.body))).toEqual([expect.stringContaining('sensitive')]);
  }).toPass({ timeout: 120_000 });

  // A moderator (who has revealed nothing today) finds it first in the queue, pinned above the list, and confirms.
  moderator = await inviteUser(owner, browser, MODERATOR, 'moderator');
  const held = moderator.getByTestId('held-section').getByTestId('held-item').filter({ hasText: KNOWN_BAD.account.acct });
  await expect(async () => {
    await moderator.goto('/queue?sort=newest');
    await expect(held).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const section = moderator.getByTestId('held-section');
  const list = moderator.getByRole('listbox').first();
  expect((await section.boundingBox())!.y).toBeLessThan((await list.boundingBox())!.y);
  await expect(held.getByTestId('hold-badge')).toContainText(LIVE_RULE);
  expect(await seriousViolations(moderator)).toEqual([]);
  await moderator.screenshot({ path: 'test-results/holding-queue-held.png', fullPage: true });
  await held.getByTestId('hold-confirm').click();
  await expect(moderator.getByTestId('held-section').getByTestId('held-item')).toHaveCount(0);

  const recent = (await (await owner.request.get('/api/holding/holds?view=recent')).json()) as { holds: { ruleName: string; state: string; decision: string | null }[] };
  expect(recent.holds.find((h) => h.ruleName === LIVE_RULE)).toMatchObject({ state: 'confirmed', decision: 'confirmed' });
  const audit = (await (await owner.request.get('/api/audit?action=hold.confirmed')).json()) as { items: unknown[] };
  expect(audit.items.length).toBeGreaterThan(0);
});

test('the dry-run rule shows what it would have held, and each rule counts its holds and confirmations', async () => {
  await owner.goto('/safety');
  const would = owner.locator(`[data-testid=would-hold-row][data-rule-name="${DRY_RULE}"]`);
  await expect(would).toHaveCount(1);
  await expect(would).toContainText(/severity 5/i);
  const dry = owner.locator(`[data-testid=rule-row][data-rule-name="${DRY_RULE}"]`);
  await expect(dry.getByTestId('rule-stat-wouldHold')).toHaveText('1');
  await expect(dry.getByTestId('rule-stat-holds')).toHaveText('0');
  const live = owner.locator(`[data-testid=rule-row][data-rule-name="${LIVE_RULE}"]`);
  await expect(live.getByTestId('rule-stat-holds')).toHaveText('1');
  await expect(live.getByTestId('rule-stat-confirmations')).toHaveText('1');
  // Nothing was sent for the dry run: the one account action on the fake is the live rule's.
  const actions = (await alphaRecords()).filter((r) => r.method === 'POST' && /\/api\/v1\/admin\/accounts\/[^/]+\/action$/.test(r.path ?? ''));
  expect(actions).toHaveLength(1);
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.screenshot({ path: 'test-results/holding-dry-run.png', fullPage: true });
});

test('a watched hashtag: a post carrying it lands in the queue as a watch item', async () => {
  test.setTimeout(180_000);
  await owner.goto('/safety/watch');
  const form = owner.getByTestId('watch-term-form');
  await form.getByLabel('Kind').selectOption('hashtag');
  await form.getByLabel('Value').fill(`#${TAG}`);
  await form.getByTestId('watch-term-save').click();
  await expect(owner.getByTestId('watch-term-row').filter({ hasText: TAG })).toHaveCount(1);
  const posted = await fetch(`${scenario.fake('alpha').url}/__fake/posts`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ html: `<p>Selling, DM me #${TAG}</p>`, tags: [TAG], media: 1 }),
  });
  expect(posted.status).toBe(200);
  const item = owner.getByRole('listbox').getByRole('option').filter({ has: owner.getByTestId('watch-badge') }).filter({ hasText: TAG });
  await expect(async () => {
    await owner.goto('/safety/watch');
    await owner.getByTestId('watch-scan-now').click();
    await owner.waitForTimeout(1_500);
    await owner.goto('/queue?sort=newest');
    await expect(item).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 120_000 });
  await owner.screenshot({ path: 'test-results/holding-watch-item.png', fullPage: true });
  await owner.goto('/safety/watch');
  await expect(owner.getByTestId('watch-term-row').filter({ hasText: TAG })).not.toContainText(/\b0 hits?\b/);
  expect(await seriousViolations(owner)).toEqual([]);
});

test('the Safety pages hold up dark at 390 px', async () => {
  test.setTimeout(120_000);
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/safety', '/safety/watch', '/safety/matchers', '/safety/notifications']) {
    await owner.goto(path);
    await expect(owner.locator('main')).toBeVisible();
    const sideways = await owner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
    expect(await seriousViolations(owner), path).toEqual([]);
    await owner.screenshot({ path: `test-results/holding-390-dark-${path.split('/').filter(Boolean).join('-')}.png`, fullPage: true });
  }
});
