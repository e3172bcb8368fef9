import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('lemmy auth and verify', () => {
  it('logs in with JSON credentials, caches the JWT and verifies as admin', async () => {
    setup = await withFakeLemmy({ reports: 3 });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toMatchObject({ software: 'lemmy', version: '0.19.9' });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([['login', true], ['site', true], ['is_admin', true], ['read:reports', true]]);
    await setup.connector.listReports({ resolved: false });
    expect(setup.fake.state.jwts.size).toBe(1); // one login, reused
  });

  it('works with a plain JWT', async () => {
    setup = await withFakeLemmy({ reports: 3 }, (f) => f.issueJwt());
    expect((await setup.connector.verify()).ok).toBe(true);
    expect((await setup.connector.listReports({ resolved: false })).items.length).toBeGreaterThan(0);
  });

  it('logs in again once when the cached JWT is revoked', async () => {
    setup = await withFakeLemmy({ reports: 3 });
    await setup.connector.listReports({ resolved: false });
    setup.fake.state.jwts.clear();
    await setup.connector.listReports({ resolved: false });
    expect(setup.fake.state.jwts.size).toBe(1);
  });

  it('fails verify and reads on a wrong password, without leaking it', async () => {
    const password = 'wrong-secret-password-9';
    setup = await withFakeLemmy({}, () => JSON.stringify({ username_or_email: 'admin', password }));
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([{ name: 'login', ok: false, detail: '401 incorrect_login' }]);
    const e = await caught(() => setup!.connector.listReports({ resolved: false }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('forbidden');
    expect(JSON.stringify({ m: (e as AppError).message, u: (e as AppError).userMessage, d: (e as AppError).details })).not.toContain(password);
  });

  it('a revoked plain JWT is a refusal, and the JWT is never in the error', async () => {
    let jwt = '';
    setup = await withFakeLemmy({}, (f) => (jwt = f.issueJwt()));
    setup.fake.state.jwts.clear();
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(`${e.message} ${e.userMessage} ${JSON.stringify(e.details)}`).not.toContain(jwt);
  });

  it('reports a non-admin account in verify', async () => {
    setup = await withFakeLemmy({ reports: 1 });
    setup.fake.state.admin().admin = false;
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks).toContainEqual({ name: 'is_admin', ok: false, detail: 'The account is not an instance admin' });
  });

  it('refuses a JSON token that is not credentials', async () => {
    const e = (await caught(async () => withFakeLemmy({}, () => '{"user":"x"}'))) as AppError;
    expect(e.code).toBe('bad_request');
  });
});
