/**
 * Shared blocklists end to end in Chromium (issue 13). Two lists are served by a local test host (e2e/fakes/blocklist);
 * a Mastodon and a GoToSocial fake are connected, and the Mastodon already holds a block its admin made by hand. The
 * owner subscribes to both lists through the page, reads both servers' blocks, reviews the diff for the two
 * instances (threshold 2: only domains on both lists; the hand-made block is kept), applies it and sees the blocks
 * on the fakes. Then one list retracts a domain: after a fetch the preview proposes its removal on both instances,
 * applying it removes only that list-made block, and the hand-made block with another list's domain stays. axe on the
 * way, light theme at 1440 px; then every blocklist page in dark mode at 390 px.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startBlocklistHost, type BlocklistHost } from './fakes/blocklist/server';
import { startKnownBadScenario, type KnownBadScenario } from './fakes/federation/start-scenario';
import { connectAndSync, makeRoomForScenario, ownerSignIn, seriousViolations } from './support/scenario-flows';

test.describe.configure({ mode: 'serial' });

// Synthetic domains under the reserved .example TLD: nothing here names a real server.
const LIST_A = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'spam-farm.example,suspend,true,true,Spam farm,false',
  'harassment-hub.example,suspend,false,false,Harassment,false',
  'only-on-a.example,suspend,false,false,,false',
  'handmade.example,suspend,false,false,,false',
].join('\n');
const LIST_B = ['# plain list', 'spam-farm.example', 'harassment-hub.example', 'handmade.example', 'only-on-b.example', 'not a domain!'].join('\n');
const LIST_A_RETRACTED = LIST_A.split('\n').filter((l) => !l.startsWith('harassment-hub')).join('\n');

let scenario: KnownBadScenario;
let host: BlocklistHost;
let page: Page;

interface FakeBlock { domain: string; severity: string }
async function fakeBlocks(url: string): Promise<string[]> {
  const blocks = (await (await fetch(`${url}/__fake/domain-blocks`)).json()) as FakeBlock[];
  return blocks.map((b) => b.domain).sort();
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  scenario = await startKnownBadScenario({ only: ['alpha', 'gotosocial'], reports: 1, knownBad: { alpha: null, gotosocial: null } });
  host = await startBlocklistHost();
  host.setList('/team-a.csv', LIST_A, 'text/csv');
  host.setList('/team-b.txt', LIST_B, 'text/plain');
  // The Mastodon's admin blocked this domain in Mastodon's own admin pages, before Fedimod knew the server.
  const res = await fetch(`${scenario.fake('alpha').url}/__fake/domain-blocks`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain: 'handmade.example', severity: 'silence' }),
  });
  expect(res.ok).toBe(true);
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await ownerSignIn(page);
});

test.afterAll(async () => {
  await scenario?.close();
  await host?.close();
});

async function addSource(url: string, name: string): Promise<void> {
  await page.goto('/blocklists');
  await page.getByTestId('blocklist-add-url').fill(url);
  await page.getByLabel('Name (optional)').fill(name);
  // The list host is a local test server: only an owner may exempt it from the address policy.
  await page.getByLabel(/local test server/i).check();
  await page.getByTestId('blocklist-add-submit').click();
  await expect(page).toHaveURL(/\/blocklists\/sources\/[0-9a-f-]{36}$/);
}

const sourceRow = (name: string) => page.locator(`[data-testid=blocklist-source-row][data-source-name="${name}"]`);

const INSTANCES = ['Lists Mastodon', 'Lists GTS'];

/**
 * In the full suite, instances of earlier specs that keep purge receipts stay connected (their fakes are gone):
 * the preview lists them too, so this spec reads the blocks and then chooses only its own two instances.
 */
async function openPreview(): Promise<void> {
  await page.goto('/blocklists/preview');
  await page.getByTestId('blocklist-blocks-sync').click();
  await expect(page.getByText(/Read (the blocks of )?\d+ instances?/)).toBeVisible({ timeout: 30_000 });
  for (const name of INSTANCES) await expect(page.locator(`[data-testid=blocklist-preview-instance][data-instance-name="${name}"]`)).toBeVisible();
}

async function chooseOwnInstances(): Promise<void> {
  await page.getByRole('button', { name: 'Select none' }).click();
  for (const name of INSTANCES) await page.getByRole('checkbox', { name: `Apply to ${name}` }).check();
}

function line(instance: string, domain: string) {
  return page.locator(`[data-testid=blocklist-preview-instance][data-instance-name="${instance}"]`).locator(`[data-testid=blocklist-preview-line][data-domain="${domain}"]`);
}

async function applyAll(): Promise<void> {
  await chooseOwnInstances();
  await expect(page.getByTestId('blocklist-apply')).toHaveText('Apply to 2 instances');
  await page.getByTestId('blocklist-apply').click();
  await page.getByTestId('blocklist-apply-confirm').click();
  await expect(page.getByText(/Queued \d+ changes? on 2 instances/)).toBeVisible();
}

test('subscribe to two lists served by a local host', async () => {
  await makeRoomForScenario(page, 'blocklists spec');
  await connectAndSync(page, scenario.fake('alpha').url, scenario.fake('alpha').token, 'Lists Mastodon', 'mastodon');
  await connectAndSync(page, scenario.fake('gotosocial').url, scenario.fake('gotosocial').token, 'Lists GTS', 'gotosocial');
  await addSource(`${host.url}/team-a.csv`, 'Team A');
  await addSource(`${host.url}/team-b.txt`, 'Team B');
  // The first fetch runs in the worker: the list page shows its counts once it has.
  await expect(async () => {
    await page.goto('/blocklists');
    await expect(sourceRow('Team A').getByTestId('blocklist-source-entries')).toHaveText('4', { timeout: 1000 });
    await expect(sourceRow('Team B').getByTestId('blocklist-source-entries')).toHaveText('4', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  // The plain list's one bad line is reported; its four good lines still count.
  await expect(sourceRow('Team B')).toContainText('1 bad');
  expect(await seriousViolations(page)).toEqual([]);
});

test('review the diff for both instances, apply, and see the blocks on the fakes', async () => {
  await openPreview();
  for (const name of INSTANCES) {
    // Threshold 2: only what both lists name.
    await expect(line(name, 'spam-farm.example')).toHaveAttribute('data-op', 'add');
    await expect(line(name, 'harassment-hub.example')).toHaveAttribute('data-op', 'add');
    await expect(line(name, 'only-on-a.example')).toHaveCount(0);
  }
  // Blocked by hand on the Mastodon: kept as it is, never sent.
  await expect(line('Lists Mastodon', 'handmade.example')).toHaveAttribute('data-op', 'kept_hand');
  await expect(line('Lists GTS', 'handmade.example')).toHaveAttribute('data-op', 'add');
  expect(await seriousViolations(page)).toEqual([]);
  await applyAll();
  await expect.poll(() => fakeBlocks(scenario.fake('alpha').url), { timeout: 30_000 }).toEqual(['handmade.example', 'harassment-hub.example', 'spam-farm.example']);
  await expect.poll(() => fakeBlocks(scenario.fake('gotosocial').url), { timeout: 30_000 }).toEqual(['handmade.example', 'harassment-hub.example', 'spam-farm.example']);
  // The hand-made block is still the admin's own silence, untouched.
  const alpha = (await (await fetch(`${scenario.fake('alpha').url}/__fake/domain-blocks`)).json()) as FakeBlock[];
  expect(alpha.find((b) => b.domain === 'handmade.example')?.severity).toBe('silence');
});

test('a list retracts a domain: the removal is proposed and applied, only where a list made the block', async () => {
  host.setList('/team-a.csv', LIST_A_RETRACTED, 'text/csv');
  await page.goto('/blocklists');
  await sourceRow('Team A').getByRole('link', { name: 'Team A' }).click();
  await page.getByTestId('blocklist-fetch-now').click();
  await expect(async () => {
    await page.goto('/blocklists');
    await expect(sourceRow('Team A').getByTestId('blocklist-source-entries')).toHaveText('3', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await openPreview();
  for (const name of INSTANCES) await expect(line(name, 'harassment-hub.example')).toHaveAttribute('data-op', 'remove');
  await expect(line('Lists Mastodon', 'handmade.example')).toHaveAttribute('data-op', 'kept_hand');
  await applyAll();
  await expect.poll(() => fakeBlocks(scenario.fake('alpha').url), { timeout: 30_000 }).toEqual(['handmade.example', 'spam-farm.example']);
  await expect.poll(() => fakeBlocks(scenario.fake('gotosocial').url), { timeout: 30_000 }).toEqual(['handmade.example', 'spam-farm.example']);
  await page.goto('/blocklists/history');
  await expect(page.getByTestId('blocklist-application-row')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('every blocklist page in dark mode at 390 px: no sideways scrolling, zero serious axe findings', async () => {
  test.setTimeout(180_000);
  await page.goto('/settings');
  await page.locator('input[name=theme][value=dark]').check();
  await expect(page.getByTestId('appearance')).toContainText('Saved.');
  await page.setViewportSize({ width: 390, height: 844 });
  const { applications } = (await (await page.request.get('/api/blocklists/applications')).json()) as { applications: { id: string }[] };
  const { sources } = (await (await page.request.get('/api/blocklists/sources')).json()) as { sources: { id: string }[] };
  const pages = ['/blocklists', `/blocklists/sources/${sources[0].id}`, '/blocklists/preview', '/blocklists/history', `/blocklists/history/${applications[0].id}`];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${path} scrolls sideways`).toBe(true);
    expect(await seriousViolations(page), path).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${path.split('/').slice(0, 3).join('-') || 'root'}-dark-390.png`), fullPage: true });
  }
  await page.goto('/settings');
  await page.locator('input[name=theme][value=system]').check();
  await expect(page.getByTestId('appearance')).toContainText('Saved.');
});
