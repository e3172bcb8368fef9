import { expect, type Page } from '@playwright/test';

export const OWNER = { email: 'owner@fedimod.test', password: 'correct horse battery staple' };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/queue/);
}

/** Fills the connect form (local test host allowed) and waits for the instance page. */
async function submitConnectForm(page: Page, url: string, token: string, name: string): Promise<void> {
  await page.goto('/instances/new');
  await page.getByLabel('Base URL').fill(url);
  await page.getByLabel('Admin access token').fill(token);
  await page.getByLabel('Display name (optional)').fill(name);
  await page.getByLabel(/local test host/).check();
  await page.getByRole('button', { name: 'Check and connect' }).click();
  await expect(page).toHaveURL(/\/instances\/[0-9a-f-]{36}$/);
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
