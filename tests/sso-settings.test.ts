/**
 * SSO settings through the real verbs and route handlers (the session layer is a stub applying the real role rule):
 * validation, the issuer rule (https; http only for a loopback issuer an owner marked), the client secret sealed at
 * rest and never in an answer or the audit log, a blank secret keeping the stored one, the provider built only when
 * complete, the public view, and "Test issuer" against a real discovery document over HTTP (SSRF policy applied).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOidc, type FakeOidc } from '@/e2e/fakes/oidc/server';
import type { UserActor } from '@/lib/auth/current-actor';
import { ssoProvider } from '@/lib/auth/sso/oidc-provider';
import { getSsoPublic } from '@/lib/auth/sso/sso-public';
import { ssoLookup } from '@/lib/auth/sso/sso-lookup';
import { ssoCallbackUrl } from '@/lib/auth/sso/sso-settings';
import { openSsoSecret, readStoredSso } from '@/lib/auth/sso/sso-stored';
import { db } from '@/lib/db';
import { makeUser } from './auth-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const route = await import('@/app/api/settings/sso/route');
const testRoute = await import('@/app/api/settings/sso/test/route');

const SECRET = 'very-secret-client-secret-4711';
let idp: FakeOidc;
const actors: Record<'owner' | 'admin' | 'moderator', UserActor> = {} as never;

const put = (body: unknown) => route.PUT(jsonRequest('/api/settings/sso', 'PUT', body));
const base = { enabled: false, issuer: 'https://id.example.test/realms/mods', clientId: 'fedimod', label: 'Keycloak', roleMap: [{ group: 'mods', role: 'moderator' }] };

beforeAll(async () => {
  idp = await startFakeOidc({ clients: [{ client_id: 'fedimod', client_secret: SECRET, redirect_uris: [ssoCallbackUrl()] }], users: [] });
  for (const role of ['owner', 'admin', 'moderator'] as const) {
    const u = await makeUser(`${role}.sso-settings@example.test`, role);
    actors[role] = { type: 'user', id: u.id, email: u.email, role, instanceIds: null, ip: '127.0.0.1' };
  }
});
afterAll(async () => { await idp?.close(); });

describe('SSO settings routes', () => {
  it('are for admins: a moderator gets 403 on read and write', async () => {
    session.actor = actors.moderator;
    expect((await route.GET(jsonRequest('/api/settings/sso'))).status).toBe(403);
    expect((await put(base)).status).toBe(403);
    expect((await testRoute.POST(jsonRequest('/api/settings/sso/test', 'POST', {}))).status).toBe(403);
  });

  it('seal the secret, never return or audit it, and keep it when the field is left blank', async () => {
    session.actor = actors.admin;
    const res = await put({ ...base, enabled: true, clientSecret: SECRET });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({ enabled: true, hasSecret: true, callbackUrl: 'http://127.0.0.1:3000/api/auth/callback/oidc' });
    const stored = await readStoredSso();
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(await openSsoSecret(stored.clientSecretSealed!, stored.issuer)).toBe(SECRET);
    // Bound to its issuer: the sealed value does not open for another one.
    expect(await openSsoSecret(stored.clientSecretSealed!, 'https://other.example.test')).toBeNull();

    const again = await put({ ...base, enabled: true, label: 'Our Keycloak', clientSecret: '' });
    expect(again.status).toBe(200);
    expect((await readStoredSso()).clientSecretSealed).toBe(stored.clientSecretSealed);
    const audits = await db.auditEvent.findMany({ where: { action: 'settings.sso.updated' }, orderBy: { seq: 'asc' }, select: { details: true } });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(SECRET);
    expect(audits[0].details).toMatchObject({ credentialsChanged: true, enabled: true });
    expect(audits[1].details).toMatchObject({ credentialsChanged: false, changedFields: ['label'] });
    const view = await (await route.GET(jsonRequest('/api/settings/sso'))).text();
    expect(view).not.toContain(SECRET);
    expect(view).not.toContain('Sealed');
  });

  it('refuse bad input with words', async () => {
    session.actor = actors.admin;
    const cases: [unknown, RegExp][] = [
      [{ ...base, issuer: 'http://id.example.test' }, /https/],
      [{ ...base, issuer: 'not a url' }, /https/],
      [{ ...base, roleMap: [{ group: 'x', role: 'owner' }] }, /never owner/],
      [{ ...base, enabled: true, roleMap: [] }, /Map at least one group/],
      [{ ...base, enabled: true, issuer: 'https://moved.example.test' }, /issuer changed: enter the client secret again/],
      [{ ...base, extra: 1 }, /./],
    ];
    for (const [body, message] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
  });

  it('a loopback http issuer needs an owner', async () => {
    session.actor = actors.admin;
    const local = { ...base, issuer: idp.issuer, clientSecret: SECRET, allowPrivate: true };
    expect((await put(local)).status).toBe(403);
    session.actor = actors.owner;
    expect((await put(local)).status).toBe(200);
    // An admin may save other fields while the owner's exemption stays on the same issuer.
    session.actor = actors.admin;
    expect((await put({ ...base, issuer: idp.issuer, label: 'Local' })).status).toBe(200);
    expect(await readStoredSso()).toMatchObject({ allowPrivate: true, issuer: idp.issuer, label: 'Local' });
    // Moving the issuer drops the exemption unless an owner restates it.
    expect((await put({ ...base, issuer: `http://localhost:${new URL(idp.issuer).port}` })).status).toBe(400);
    expect((await put({ ...base, issuer: `http://localhost:${new URL(idp.issuer).port}`, allowPrivate: true })).status).toBe(403);
    expect((await readStoredSso()).issuer).toBe(idp.issuer);
  });
});

describe('Test issuer', () => {
  it('reads the discovery document of the saved local issuer and reports a match', async () => {
    session.actor = actors.admin;
    const res = await testRoute.POST(jsonRequest('/api/settings/sso/test', 'POST', {}));
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, issuerMatches: true, endpoints: { authorization: `${idp.issuer}/auth`, token: `${idp.issuer}/token` } });
  });

  it('refuses a private issuer that no owner marked', async () => {
    session.actor = actors.admin;
    const body = await (await testRoute.POST(jsonRequest('/api/settings/sso/test', 'POST', { issuer: `https://127.0.0.1:${new URL(idp.issuer).port}` }))).json();
    expect(body).toMatchObject({ ok: false });
    expect(body.detail).toMatch(/private or local/);
  });
});

describe('provider and public view', () => {
  it('exist only while enabled and complete', async () => {
    session.actor = actors.owner;
    expect((await put({ ...base, issuer: idp.issuer, enabled: true, label: 'Local IdP' })).status).toBe(200);
    const provider = await ssoProvider();
    expect(provider).toMatchObject({ id: 'oidc', type: 'oauth', name: 'Local IdP', wellKnown: `${idp.issuer}/.well-known/openid-configuration` });
    expect(await getSsoPublic()).toEqual({ enabled: true, label: 'Local IdP' });
    expect((await put({ ...base, issuer: idp.issuer, enabled: false })).status).toBe(200);
    expect(await ssoProvider()).toBeNull();
    expect(await getSsoPublic()).toEqual({ enabled: false, label: '' });
  });
});

describe('the OIDC client lookup (SSRF rule for openid-client requests)', () => {
  const lookup = (host: string, exempt: string | null, all: boolean) =>
    new Promise<unknown>((resolve, reject) => {
      ssoLookup(exempt)(host, { all } as never, ((err: Error | null, address: unknown) => (err ? reject(err) : resolve(address))) as never);
    });
  it('refuses a host that resolves to a loopback or private address unless it is the marked issuer host', async () => {
    await expect(lookup('localhost', null, false)).rejects.toThrow(/forbidden address/);
    await expect(lookup('localhost', null, true)).rejects.toThrow(/forbidden address/);
    await expect(lookup('localhost', 'localhost', false)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
    await expect(lookup('localhost', 'localhost', true)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]));
  });
});
