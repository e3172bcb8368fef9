/**
 * Hash matching end to end: a bank holding the PDQ hash of one synthetic image is imported through the UI; after
 * a fake instance syncs, the report with that image shows the match and sorts first, and a re-encoded, resized
 * copy matches too. Runs after 01-moderation.spec.ts, which created the owner account.
 */
import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { pdqHashBuffer } from '../lib/hashing/pdq';
import { syntheticImage } from './fakes/images';
import { startFakeMastodon, type FakeMastodon } from './fakes/mastodon/server';
import { OWNER, connectInstance, signIn } from './support/flows';

test.describe.configure({ mode: 'serial' });

let gamma: FakeMastodon;

function mediaIdOf(report: Record<string, unknown>): string {
  const statuses = report.statuses as { media_attachments: { id: string }[] }[];
  return statuses[0].media_attachments[0].id;
}

test.afterAll(async () => {
  await gamma?.close();
});

test('an imported PDQ hash matches the image and a near-duplicate; matches sort first', async ({ page }) => {
  gamma = await startFakeMastodon({ reports: 4, seed: 303, domain: 'gamma.test', title: 'Gamma Place', token: 'gamma-e2e-admin-token-0003' });
  const original = await syntheticImage(777, { width: 800, height: 600, format: 'png' });
  const nearDuplicate = await sharp(original).resize(560, 420).jpeg({ quality: 70 }).toBuffer();
  const a = gamma.addReport({ mediaTypes: ['image'], statusCount: 1, comment: 'original synthetic image' });
  const b = gamma.addReport({ mediaTypes: ['image'], statusCount: 1, comment: 'near-duplicate copy' });
  Object.assign(gamma.state.media.get(mediaIdOf(a))!, { bytes: original, format: 'png' });
  Object.assign(gamma.state.media.get(mediaIdOf(b))!, { bytes: nearDuplicate, format: 'jpeg' });
  const { hash, quality } = await pdqHashBuffer(original);
  expect(quality).toBeGreaterThanOrEqual(50);

  await signIn(page, OWNER.email, OWNER.password);
  await page.goto('/banks');
  const form = page.getByRole('form', { name: 'New bank' });
  await form.getByLabel('Name').fill('Synthetic test bank');
  await form.locator('select[name=label]').selectOption('csam');
  await form.locator('select[name=severity]').selectOption('5');
  await form.getByRole('button', { name: 'Create bank' }).click();
  await expect(page).toHaveURL(/\/banks\/[0-9a-f-]{36}$/);
  const importForm = page.getByRole('form', { name: 'Import hashes' });
  await importForm.locator('input[type=file]').setInputFiles({ name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(`hash,label\n${hash},synthetic-test-image\n`) });
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText(/1 accepted/)).toBeVisible();

  // Both copies land in one case (the bank is csam); the instance filter lists every report instead of the grouped row.
  const gammaId = await connectInstance(page, gamma.url, gamma.token, 'Gamma Place');
  // Media are fetched, hashed and matched by the worker after the sync.
  await expect(async () => {
    await page.goto(`/queue?sort=priority&hasMatch=1&instanceId=${gammaId}`);
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const matched = page.getByRole('listbox').getByRole('option');
  await expect(matched.filter({ hasText: 'original synthetic image' })).toHaveCount(1);
  await expect(matched.filter({ hasText: 'near-duplicate copy' })).toHaveCount(1);

  await page.goto(`/queue?sort=priority&instanceId=${gammaId}`);
  const first = page.getByRole('listbox').getByRole('option').first();
  await expect(first.getByTestId('match-badge')).toBeVisible();
  await expect(first).toContainText(/original synthetic image|near-duplicate copy/);
  await page.screenshot({ path: 'test-results/queue-matches.png', fullPage: true });

  await page.getByRole('listbox').getByRole('option').filter({ hasText: 'near-duplicate copy' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('media-matches')).toContainText('Synthetic test bank');
  await expect(page.getByTestId('media-matches')).toContainText(/distance \d+\/256/);
  // A severe match shows as hashes and match data first (the safer default), then the blurred preview on request,
  // and the original only after a second, deliberate click.
  await expect(page.getByTestId('severe-as-hashes').first()).toBeVisible();
  await expect(page.locator('img[alt*="blurred preview"]')).toHaveCount(0);
  await page.getByRole('button', { name: /^Show blurred preview/ }).first().click();
  await page.getByRole('button', { name: /^Reveal…/ }).click();
  await expect(page.locator('img[alt*="original, revealed"]')).toHaveCount(0);
  await page.getByRole('button', { name: /Reveal severe match anyway/ }).click();
  await expect(page.locator('img[alt*="original, revealed"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/report-match.png', fullPage: true });
});
