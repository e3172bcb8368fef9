import { afterEach, describe, expect, it } from 'vitest';
import { withFake, type FakeSetup } from './test-support/fake-connector';
import { detectSoftware } from './verify';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('gotosocial verify', () => {
  it('signs in, detects GoToSocial and its version, and reads reports', async () => {
    setup = await withFake({ reports: 2, domain: 'gts.test' });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toMatchObject({ software: 'gotosocial', version: '0.20.0 57cb4fe', domain: 'gts.test' });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['verify_credentials', true], ['instance', true], ['admin:read:reports', true],
    ]);
  });

  it('reports each failing step with the remote text and no token', async () => {
    setup = await withFake({ reports: 2 }, 'bad-token-abc-xyz');
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.account).toBeNull();
    const reports = result.checks.find((c) => c.name === 'admin:read:reports');
    expect(reports?.detail).toMatch(/^401 Unauthorized/);
    expect(result.checks.find((c) => c.name === 'instance')?.ok).toBe(true); // the instance endpoint is public
    expect(JSON.stringify(result)).not.toContain('bad-token-abc-xyz');
  });

  it('says so when the user is not staff', async () => {
    setup = await withFake({ reports: 1 });
    setup.fake.state.admin().role = 'user';
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'admin:read:reports')?.detail).toBe('403 Forbidden: user is not an admin');
  });

  it('tells GoToSocial from Mastodon by version and source_url', () => {
    expect(detectSoftware({ title: 't', version: '0.17.3+git-abc' })).toBe('gotosocial');
    expect(detectSoftware({ title: 't', version: '0.1.2 1234567' })).toBe('gotosocial');
    expect(detectSoftware({ title: 't', version: '4.3.0', source_url: 'https://codeberg.org/superseriousbusiness/gotosocial' })).toBe('gotosocial');
    expect(detectSoftware({ title: 't', version: '4.3.0' })).toBe('mastodon');
  });
});
