import { afterEach, describe, expect, it } from 'vitest';
import { withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('peertube verify()', () => {
  it('passes for an admin: role, server version and a test read', async () => {
    setup = await withFakePeerTube({ reports: 3, version: '7.0.1' });
    const result = await setup.connector.verify();
    const host = new URL(setup.fake.url).host;
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'root', acct: `root@${host}` });
    expect(result.instance).toEqual({ title: 'Fake PeerTube', version: '7.0.1', software: 'peertube', domain: host });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([['users/me', true], ['role', true], ['config', true], ['abuses', true]]);
    expect(result.checks.find((c) => c.name === 'role')?.detail).toBe('The user is an administrator');
  });

  it('accepts a moderator and refuses a plain user with the instance\'s words', async () => {
    setup = await withFakePeerTube({ reports: 3 });
    setup.fake.state.auth.role = 1;
    expect((await setup.connector.verify()).ok).toBe(true);
    setup.fake.state.auth.role = 2;
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'role')?.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'abuses')).toEqual({ name: 'abuses', ok: false, detail: '403 User does not have the right to do this' });
  });
});
