/**
 * The whole authorization code flow, end to end, with real HTTP at the identity provider: next-auth's own core
 * handler (as tests/auth-next-auth.test.ts drives it) starts the sign-in, a fake oidc-provider issuer logs the user
 * in through its form, and the callback yields a session cookie whose session resolves, through actorForSession,
 * to the provisioned user. Also checks the redirect_uri is the app's own URL, not next-auth's localhost guess.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOidc, type FakeOidc } from '@/e2e/fakes/oidc/server';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { actorForSession } from '@/lib/auth/current-actor';
import { ssoCallbackUrl, updateSsoSettings } from '@/lib/auth/sso/sso-settings';
import { db } from '@/lib/db';
import { persistActor, userActor } from './support/fixtures';

type Jar = Record<string, string>;
interface InternalResponse<B> { status?: number; body?: B; redirect?: string; cookies?: { name: string; value: string; options?: { maxAge?: number } }[] }
type Handler = <B>(p: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<InternalResponse<B>>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

const CLIENT = { client_id: 'fedimod-test', client_secret: 'fake-client-secret-0123456789' };
const headers = { host: '127.0.0.1:3000' };
let idp: FakeOidc;

function absorb(jar: Jar, cookies: InternalResponse<unknown>['cookies']): void {
  for (const c of cookies ?? []) {
    if (c.options?.maxAge === 0 || c.value === '') delete jar[c.name];
    else jar[c.name] = c.value;
  }
}

/** A browser at the issuer: follows redirects by hand and keeps the issuer's cookies, until it is sent back to us. */
async function browseIssuer(start: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  let url = start;
  let loggedIn = false;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(ssoCallbackUrl())) return new URL(url);
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const action = /action="([^"]+)"/.exec(html)?.[1];
    expect(action && !loggedIn).toBeTruthy();
    loggedIn = true;
    const posted = await send(new URL(action!, url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login }).toString() });
    expect(posted.status).toBeGreaterThanOrEqual(300);
    url = new URL(posted.headers.get('location')!, url).href;
  }
  throw new Error('the issuer never sent the browser back');
}

async function signInWithSso(login: string) {
  const jar: Jar = {};
  const options = await getAuthOptions();
  expect(options.providers.map((p) => p.id)).toContain('oidc');
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers, cookies: jar }, options });
  absorb(jar, csrf.cookies);
  const start = await AuthHandler({
    req: { action: 'signin', providerId: 'oidc', method: 'POST', headers, cookies: { ...jar }, body: { csrfToken: csrf.body!.csrfToken, callbackUrl: '/queue', json: 'true' }, query: {} },
    options,
  });
  absorb(jar, start.cookies);
  const authorize = new URL(start.redirect!);
  const back = await browseIssuer(authorize.href, login);
  const callback = await AuthHandler({
    req: { action: 'callback', providerId: 'oidc', method: 'GET', headers, cookies: { ...jar }, query: Object.fromEntries(back.searchParams) },
    options: await getAuthOptions(),
  });
  absorb(jar, callback.cookies);
  const session = await AuthHandler<Record<string, unknown>>({ req: { action: 'session', method: 'GET', headers, cookies: { ...jar } }, options: await getAuthOptions() });
  return { authorize, back, callback, jar, session: session.body };
}

beforeAll(async () => {
  idp = await startFakeOidc({
    clients: [{ ...CLIENT, redirect_uris: [ssoCallbackUrl()] }],
    users: [
      { sub: 'sub-mod', email: 'sso.mod@example.test', email_verified: true, name: 'Sso Moderator', groups: ['fedimod-mods'] },
      { sub: 'sub-nogroup', email: 'sso.nobody@example.test', email_verified: true, name: 'No Group', groups: ['other'] },
    ],
  });
  const owner = await persistActor(userActor('owner'));
  await updateSsoSettings({
    ctx: { actor: owner },
    input: {
      enabled: true, issuer: idp.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, label: 'Fake IdP',
      groupsClaim: 'groups', groupsScope: 'groups', roleMap: [{ group: 'fedimod-mods', role: 'moderator' }], allowPrivate: true,
    },
  });
});

afterAll(async () => {
  await idp?.close();
});

describe('single sign-on, the whole flow', () => {
  it('signs a new user in through the issuer and the session resolves to the provisioned moderator', async () => {
    const { authorize, back, callback, jar, session } = await signInWithSso('sub-mod');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('redirect_uri')).toBe(ssoCallbackUrl());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid email profile groups');
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(callback.redirect).toMatch(/\/queue$/);
    expect(Object.keys(jar).some((k) => k.includes('session-token'))).toBe(true);

    const user = await db.user.findUniqueOrThrow({ where: { email: 'sso.mod@example.test' } });
    expect(user.role).toBe('moderator');
    expect(user.ssoSubject).toBe(`${idp.issuer}|sub-mod`);
    const actor = await actorForSession(session, '127.0.0.1');
    expect(actor).toMatchObject({ type: 'user', id: user.id, role: 'moderator' });
    const row = await db.authSession.findFirst({ where: { userId: user.id } });
    expect(row?.method).toBe('sso');
    expect(idp.requests).toContain('GET /me'); // groups came from userinfo: not in this issuer's ID token
    const actions = (await db.auditEvent.findMany({ where: { targetId: user.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created_by_sso', 'auth.sso_sign_in']));
  });

  it('a second sign-in finds the same user by subject', async () => {
    await signInWithSso('sso.mod@example.test');
    expect(await db.user.count({ where: { email: 'sso.mod@example.test' } })).toBe(1);
  });

  it('refuses a user whose groups map to no role: no session, no account, and says why', async () => {
    const { callback, jar, session } = await signInWithSso('sub-nogroup');
    // Our own sign-in page on the app's address, saying why (not next-auth's localhost guess).
    expect(callback.redirect).toBe('http://127.0.0.1:3000/signin?error=SsoRefused');
    expect(Object.keys(jar).some((k) => k.includes('session-token'))).toBe(false);
    expect(await actorForSession(session, '127.0.0.1')).toBeNull();
    expect(await db.user.findUnique({ where: { email: 'sso.nobody@example.test' } })).toBeNull();
    const refused = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sso_refused' } });
    expect(refused.details).toMatchObject({ reason: 'no_mapped_group' });
  });

  it('takes the groups from the ID token when the issuer puts them there', async () => {
    const other = await startFakeOidc({
      clients: [{ ...CLIENT, redirect_uris: [ssoCallbackUrl()] }], groupsInIdToken: true,
      users: [{ sub: 'sub-lead', email: 'sso.lead@example.test', email_verified: true, name: 'Sso Lead', groups: ['fedimod-mods', 'fedimod-leads'] }],
    });
    try {
      await updateSsoSettings({
        ctx: { actor: userActor('owner') },
        input: {
          enabled: true, issuer: other.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, label: 'Other', groupsScope: 'groups', allowPrivate: true,
          roleMap: [{ group: 'fedimod-mods', role: 'moderator' }, { group: 'fedimod-leads', role: 'admin' }],
        },
      });
      const { session } = await signInWithSso('sub-lead');
      expect(other.requests).not.toContain('GET /me');
      expect(await actorForSession(session, '127.0.0.1')).toMatchObject({ email: 'sso.lead@example.test', role: 'admin' });
    } finally {
      await other.close();
    }
  });

  it('a tampered state is refused', async () => {
    const options = await getAuthOptions();
    const res = await AuthHandler({ req: { action: 'callback', providerId: 'oidc', method: 'GET', headers, cookies: {}, query: { code: 'x', state: 'forged' } }, options });
    expect(res.redirect).toMatch(/error=OAuthCallback/);
  });
});
