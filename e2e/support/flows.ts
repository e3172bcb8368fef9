import { expect, type Page } from '@playwright/test';

export const OWNER = { email: 'owner@fedimod.test', password: 'correct horse battery staple' };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/queue/);
}

/**
 * Fills the connect form (local test host allowed) and waits for the instance page. Connecting runs detection and
 * the token checks against the fake, which can take a while on a loaded 2-core machine; when the form answers with
 * an error instead, the failure says what the form said (a bare URL timeout hides the cause).
 */
export async function submitConnectForm(page: Page, url: string, token: string, name: string): Promise<void> {
  await page.goto('/instances/new');
  await page.getByLabel('Base URL').fill(url);
  await page.getByLabel('Admin access token').fill(token);
  await page.getByLabel('Display name (optional)').fill(name);
  await page.getByLabel(/local test host/).check();
  await page.getByRole('button', { name: 'Check and connect' }).click();
  const done = /\/instances\/[0-9a-f-]{36}$/;
  const alert = page.getByRole('alert').first();
  await expect(async () => {
    if (done.test(page.url())) return;
    const said = (await alert.isVisible()) ? await alert.innerText() : null;
    expect(said, `connecting ${name} (${url}): the form said`).toBeNull();
    expect(page.url()).toMatch(done);
  }).toPass({ timeout: 60_000, intervals: [250, 500, 1_000] });
}

export async function connectInstance(page: Page, url: string, token: string, name: string): Promise<string> {
  await submitConnectForm(page, url, token, name);
  // The worker syncs a newly added instance at once.
  await expect(page.getByTestId('open-count')).not.toHaveText('0', { timeout: 60_000 });
  return page.url().split('/').pop()!;
}

/** Connect with "Detect automatically" and wait for the detected kind and the first sync. Returns the instance id. */
export async function connectDetected(page: Page, url: string, token: string, name: string, detected: RegExp): Promise<string> {
  await submitConnectForm(page, url, token, name);
  await expect(page.getByText(detected).first()).toBeVisible();
  await expect(page.getByTestId('open-count')).not.toHaveText('0', { timeout: 60_000 });
  return page.url().split('/').pop()!;
}
