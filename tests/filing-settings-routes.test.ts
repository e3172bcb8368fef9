/**
 * The CyberTipline settings routes and the filing-access route against a real database and the real verbs: the
 * role each asks for (a moderator gets 403), request shapes, no username or password in any answer, and "Test
 * connection" against the fake CyberTipline: right credentials succeed, wrong ones fail in plain words without the
 * password. The session layer is a stub that applies the real role rule (sign-in has its own tests).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeNcmec, type FakeNcmec } from '@/e2e/fakes/ncmec/server';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { actorFor, makeUser } from './queue-fixtures';
import { jsonRequest as req, routeParams as p } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const settingsRoute = await import('@/app/api/settings/ncmec/route');
const testRoute = await import('@/app/api/settings/ncmec/test/route');
const accessRoute = await import('@/app/api/users/[id]/filing-access/route');

const USER = 'route-esp-user';
const PASS = 'route-Secret-Pass-2468';
const WRONG = 'route-Wrong-Pass-1357';

let fake: FakeNcmec;
let moderator: UserActor;
let admin: UserActor;
let owner: UserActor;
let viewer: UserActor;
beforeAll(async () => {
  [viewer, moderator, admin, owner] = [
    actorFor(await makeUser('viewer')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin')), actorFor(await makeUser('owner')),
  ];
  fake = await startFakeNcmec({ username: USER, password: PASS });
});
afterAll(async () => fake.close());

const put = (body: unknown) => settingsRoute.PUT(req('/api/settings/ncmec', 'PUT', body));
const input = (password: string) => ({
  environment: 'custom', baseUrl: `${fake.url}/ispws`, allowPrivate: true, username: USER, password,
  reporter: { firstName: 'Route', lastName: 'Tester', email: 'route@example.test', phone: '' }, organization: { name: 'Route Org' },
});

describe('who may call the ncmec settings routes', () => {
  it('401 without a session; 403 for a moderator on every route', async () => {
    session.actor = null;
    expect((await settingsRoute.GET(req('/api/settings/ncmec'))).status).toBe(401);
    for (const a of [viewer, moderator]) {
      session.actor = a;
      expect((await settingsRoute.GET(req('/api/settings/ncmec'))).status, a.role).toBe(403);
      expect((await put(input(PASS))).status, a.role).toBe(403);
      expect((await testRoute.POST(req('/api/settings/ncmec/test', 'POST'))).status, a.role).toBe(403);
      expect((await accessRoute.PUT(req(`/api/users/${moderator.id}/filing-access`, 'PUT', { granted: true }), p({ id: moderator.id }))).status, a.role).toBe(403);
    }
    expect(await db.setting.findUnique({ where: { key: 'ncmec' } })).toBeNull();
  });

  it('refuses malformed bodies with 400', async () => {
    session.actor = owner;
    for (const body of ['{not json', { environment: 'moon' }, { environment: 'test', extra: 1 }, { environment: 'test', reporter: { email: 'nope' } }]) {
      expect((await put(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await accessRoute.PUT(req('/api/users/x/filing-access', 'PUT', { granted: true }), p({ id: 'x' }))).status).toBe(400);
    expect((await accessRoute.PUT(req(`/api/users/${moderator.id}/filing-access`, 'PUT', { granted: 'yes' }), p({ id: moderator.id }))).status).toBe(400);
  });
});

describe('settings round trip and Test connection', () => {
  it('allowPrivate needs an owner; answers never hold the credentials; the test succeeds, then fails in words', async () => {
    session.actor = admin;
    expect((await put(input(PASS))).status).toBe(403); // the private address
    session.actor = owner;
    const saved = await put(input(PASS));
    expect(saved.status).toBe(200);
    const savedText = await saved.text();
    expect(JSON.parse(savedText)).toMatchObject({ configured: true, hasCredentials: true, allowPrivate: true, baseUrl: `${fake.url}/ispws` });
    session.actor = admin;
    const got = await settingsRoute.GET(req('/api/settings/ncmec'));
    const gotText = await got.text();
    const ok = await testRoute.POST(req('/api/settings/ncmec/test', 'POST'));
    const okText = await ok.text();
    expect(JSON.parse(okText)).toMatchObject({ ok: true, detail: 'CyberTipline answered (responseCode 0)' });
    for (const text of [savedText, gotText, okText]) {
      expect(text).not.toContain(USER);
      expect(text).not.toContain(PASS);
    }
    session.actor = owner;
    const wrong = await put({ ...input(WRONG), username: undefined });
    const wrongText = await wrong.text();
    expect(wrong.status).toBe(200);
    session.actor = admin;
    const failed = await testRoute.POST(req('/api/settings/ncmec/test', 'POST'));
    const failedText = await failed.text();
    expect(failed.status).toBe(200);
    expect(JSON.parse(failedText)).toMatchObject({ ok: false, detail: 'CyberTipline refused the username or password. Check the NCMEC settings.' });
    for (const text of [wrongText, failedText]) {
      expect(text).not.toContain(WRONG);
      expect(text).not.toContain(USER);
    }
    const tested = await db.auditEvent.findMany({ where: { action: 'settings.ncmec.tested' }, orderBy: { seq: 'asc' }, select: { details: true } });
    expect(tested.map((e) => e.details)).toEqual([{ ok: true }, { ok: false }]);
  });
});

describe('PUT /api/users/[id]/filing-access', () => {
  it('an admin grants and revokes a moderator; a viewer cannot be granted', async () => {
    session.actor = admin;
    const granted = await accessRoute.PUT(req(`/api/users/${moderator.id}/filing-access`, 'PUT', { granted: true }), p({ id: moderator.id }));
    expect(granted.status).toBe(200);
    expect(await granted.json()).toEqual({ filingAccess: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: moderator.id } })).filingAccess).toBe(true);
    expect((await accessRoute.PUT(req(`/api/users/${viewer.id}/filing-access`, 'PUT', { granted: true }), p({ id: viewer.id }))).status).toBe(400);
    expect((await accessRoute.PUT(req(`/api/users/${moderator.id}/filing-access`, 'PUT', { granted: false }), p({ id: moderator.id }))).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { action: 'user.filing_access_changed', targetId: moderator.id }, orderBy: { seq: 'asc' }, select: { details: true } });
    expect(events.map((e) => e.details)).toMatchObject([{ from: false, to: true }, { from: true, to: false }]);
  });
});
