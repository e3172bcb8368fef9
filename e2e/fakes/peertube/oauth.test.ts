import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function token(f: FakePeerTube, fields: Record<string, string>): Promise<Response> {
  const client = await (await fetch(`${f.url}/api/v1/oauth-clients/local`)).json();
  return fetch(`${f.url}/api/v1/users/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...client, ...fields }),
  });
}

const login = (f: FakePeerTube, password = JSON.parse(f.token).password) => token(f, { grant_type: 'password', username: 'root', password });
const me = (f: FakePeerTube, access: string) => fetch(`${f.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${access}` } });

describe('fake PeerTube OAuth, as PeerTube 7 behaves', () => {
  it('limits the token route to 15 requests per 5 minutes per IP, failed logins included', async () => {
    fake = await startFakePeerTube({ reports: 1 });
    for (let i = 0; i < 10; i++) expect((await login(fake)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(fake, 'wrong')).status).toBe(400);
    const limited = await login(fake);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(200);
    fake.state.auth.advance(5 * 60_000);
    expect((await login(fake)).status).toBe(200);
  });

  it('keeps every token of a user alive side by side; a refresh replaces only its own token', async () => {
    fake = await startFakePeerTube({ reports: 1 });
    const a = await (await login(fake)).json();
    const b = await (await login(fake)).json();
    expect(a.expires_in).toBe(86_399);
    expect((await me(fake, a.access_token)).status).toBe(200);
    expect((await me(fake, b.access_token)).status).toBe(200);
    const c = await (await token(fake, { grant_type: 'refresh_token', refresh_token: a.refresh_token })).json();
    expect((await me(fake, a.access_token)).status).toBe(401);
    expect((await me(fake, c.access_token)).status).toBe(200);
    expect((await me(fake, b.access_token)).status).toBe(200);
    expect((await token(fake, { grant_type: 'refresh_token', refresh_token: a.refresh_token })).status).toBe(400);
  });

  it('expires access tokens, then refresh tokens', async () => {
    fake = await startFakePeerTube({ reports: 1, oauth: { accessLifetimeMs: 60_000, refreshLifetimeMs: 120_000 } });
    const a = await (await login(fake)).json();
    fake.state.auth.advance(61_000);
    const expired = await me(fake, a.access_token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).detail).toBe('Invalid token: access token has expired');
    fake.state.auth.advance(60_000);
    const refused = await token(fake, { grant_type: 'refresh_token', refresh_token: a.refresh_token });
    expect(refused.status).toBe(400);
    expect((await refused.json()).detail).toBe('Invalid grant: refresh token has expired');
  });

  it('revokes the bearer token on POST /users/revoke-token', async () => {
    fake = await startFakePeerTube({ reports: 1 });
    const a = await (await login(fake)).json();
    const res = await fetch(`${fake.url}/api/v1/users/revoke-token`, { method: 'POST', headers: { authorization: `Bearer ${a.access_token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true });
    expect((await me(fake, a.access_token)).status).toBe(401);
    expect((await token(fake, { grant_type: 'refresh_token', refresh_token: a.refresh_token })).status).toBe(400);
  });
});
