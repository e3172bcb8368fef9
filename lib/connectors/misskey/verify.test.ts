import { afterEach, describe, expect, it } from 'vitest';
import { withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('Misskey verify', () => {
  it('passes for a moderator token with the needed permissions', async () => {
    setup = await withFake({ reports: 2 });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toMatchObject({ software: 'misskey', version: '2026.5.1', title: 'Fake Misskey' });
    expect(result.checks.filter((c) => c.name !== 'report webhooks').every((c) => c.ok)).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['i', 'role', 'meta', 'read:admin:abuse-user-reports', 'report webhooks']);
  });

  it('explains a wrong token', async () => {
    setup = await withFake({ reports: 2 }, 'not-the-token');
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.account).toBeNull();
    expect(result.checks.find((c) => c.name === 'i')?.detail).toBe('403 AUTHENTICATION_FAILED: The token is wrong or revoked');
    expect(result.checks.find((c) => c.name === 'meta')?.ok).toBe(true); // meta needs no token
    expect(JSON.stringify(result)).not.toContain('not-the-token');
  });

  it('explains a missing permission kind', async () => {
    setup = await withFake({ reports: 2, permissions: ['read:account'] });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'read:admin:abuse-user-reports')?.detail).toMatch(/^403 PERMISSION_DENIED: The token lacks/);
  });

  it('explains an account without a moderator role', async () => {
    setup = await withFake({ reports: 2, moderator: false });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'role')).toMatchObject({ ok: false });
    expect(result.checks.find((c) => c.name === 'read:admin:abuse-user-reports')?.detail).toMatch(/ROLE_PERMISSION_DENIED: The account is not a moderator/);
  });
});

describe('Misskey verify: report webhooks (2024.10+: a system webhook AND a notification recipient)', () => {
  const check = async () => (await setup!.connector.verify()).checks.find((c) => c.name === 'report webhooks')!;

  it('says what to check by hand when the token may not read the webhook lists (access tokens never may)', async () => {
    setup = await withFake({ reports: 1 });
    setup.fake.addSystemWebhook({ url: 'http://127.0.0.1:9/hook', secret: 's' });
    const c = await check();
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(/^Not checked .*notification recipient \(method Webhook\)/);
    expect((await setup.connector.verify()).ok).toBe(true); // optional: never fails verify
  });

  it('with the web client token: missing, webhook without recipient, and both steps done', async () => {
    setup = await withFake({ reports: 1 });
    setup.fake.state.auth.nativeToken = true;
    expect(await check()).toMatchObject({ ok: false, detail: expect.stringMatching(/^Not set up/) });
    setup.fake.addSystemWebhook({ url: 'http://127.0.0.1:9/hook', secret: 's', recipient: false });
    expect(await check()).toMatchObject({ ok: false, detail: expect.stringMatching(/no active notification recipient/) });
    setup.fake.addSystemWebhook({ url: 'http://127.0.0.1:9/hook2', secret: 's' });
    expect(await check()).toMatchObject({ ok: true, detail: 'A system webhook and its notification recipient deliver report events' });
  });
});
