/**
 * The watch route handlers against a real database: who may call each (viewers read, admins change terms,
 * moderators scan and close watch items on instances they can act on), clear 400s for bad input, and a created
 * term's view. The session layer is a stub applying the real role rule.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MinRole, UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import type { WatchInstanceView, WatchTermView } from '@/lib/watch/types';
import { actorFor, makeAccount, makeInstance, makeUser } from './queue-fixtures';
import { jsonRequest as req, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const queued = vi.hoisted(() => ({ scans: [] as string[] }));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<object>()),
  enqueueWatchScan: vi.fn(async (id: string) => { queued.scans.push(id); }),
}));

const terms = await import('@/app/api/watch/terms/route');
const term = await import('@/app/api/watch/terms/[id]/route');
const scan = await import('@/app/api/watch/scan/route');
const close = await import('@/app/api/watch/items/[id]/close/route');

const ANY_ID = '00000000-0000-4000-8000-0000000015c1';
const id = (v: string) => routeParams({ id: v });
const body = async <T>(res: Response) => (await res.json()) as T;

let viewer: UserActor, moderator: UserActor, admin: UserActor, limited: UserActor;
let instA: { id: string }, instB: { id: string };
let itemB: string;

beforeAll(async () => {
  [viewer, moderator, admin] = await Promise.all((['viewer', 'moderator', 'admin'] as const).map(async (r) => actorFor(await makeUser(r))));
  [instA, instB] = [await makeInstance('watch-a'), await makeInstance('watch-b')];
  limited = actorFor(await makeUser('moderator'), [instA.id]);
  const target = await makeAccount(instB.id);
  itemB = (await db.report.create({
    data: { instanceId: instB.id, targetId: target.id, remoteId: 'watch:1', kind: 'watch', status: 'open', category: 'watch', remoteCreatedAt: new Date(), contentHash: 'x' },
  })).id;
});

describe('who may call the watch routes', () => {
  const writes: { name: string; min: MinRole; call: (r: Request) => Promise<Response>; path: string; method: string; body?: unknown }[] = [
    { name: 'add term', min: 'admin', call: (r) => terms.POST(r), path: '/api/watch/terms', method: 'POST', body: { kind: 'hashtag', value: 'x1' } },
    { name: 'patch term', min: 'admin', call: (r) => term.PATCH(r, id(ANY_ID)), path: `/api/watch/terms/${ANY_ID}`, method: 'PATCH', body: { enabled: false } },
    { name: 'delete term', min: 'admin', call: (r) => term.DELETE(r, id(ANY_ID)), path: `/api/watch/terms/${ANY_ID}`, method: 'DELETE' },
    { name: 'scan', min: 'moderator', call: (r) => scan.POST(r), path: '/api/watch/scan', method: 'POST' },
    { name: 'close', min: 'moderator', call: (r) => close.POST(r, id(ANY_ID)), path: `/api/watch/items/${ANY_ID}/close`, method: 'POST', body: {} },
  ];

  it('answers 401 without a session and 403 below the role on every change', async () => {
    for (const w of writes) {
      session.actor = null;
      expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(401);
      session.actor = viewer;
      expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(403);
      if (w.min === 'admin') {
        session.actor = moderator;
        expect((await w.call(req(w.path, w.method, w.body))).status, w.name).toBe(403);
      }
    }
    expect(await db.watchTerm.count()).toBe(0);
  });

  it('lets an admin create, change and delete a term, audited, and a viewer read it with the instances', async () => {
    session.actor = admin;
    const created = await terms.POST(req('/api/watch/terms', 'POST', { kind: 'domain', value: 'https://Shop.Offsite.example/x', note: 'synthetic' }));
    expect(created.status).toBe(201);
    const { term: view } = await body<{ term: WatchTermView }>(created);
    expect(view).toMatchObject({ kind: 'domain', value: 'shop.offsite.example', enabled: true, hits: 0, recentHits: 0, instanceIds: [] });
    const patched = await term.PATCH(req(`/api/watch/terms/${view.id}`, 'PATCH', { enabled: false, instanceIds: [instA.id] }), id(view.id));
    expect((await body<{ term: WatchTermView }>(patched)).term).toMatchObject({ enabled: false, instanceIds: [instA.id] });
    const dup = await terms.POST(req('/api/watch/terms', 'POST', { kind: 'domain', value: 'shop.offsite.example' }));
    expect(dup.status).toBe(409);

    session.actor = limited;
    const read = await body<{ terms: WatchTermView[]; instances: WatchInstanceView[] }>(await terms.GET(req('/api/watch/terms')));
    expect(read.terms.map((t) => t.value)).toEqual(['shop.offsite.example']);
    expect(read.instances.map((i) => i.instanceId)).toEqual([instA.id]);
    expect(read.instances[0]).toMatchObject({ kind: 'mastodon', recentPosts: true, lastScanAt: null });

    session.actor = admin;
    expect((await term.DELETE(req(`/api/watch/terms/${view.id}`, 'DELETE'), id(view.id))).status).toBe(200);
    expect((await term.DELETE(req(`/api/watch/terms/${view.id}`, 'DELETE'), id(view.id))).status).toBe(404);
    const events = await db.auditEvent.findMany({ where: { targetId: view.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['watch_term.created', 'watch_term.updated', 'watch_term.deleted']);
  });

  it('queues a scan of the instances a moderator can see that a term applies to', async () => {
    session.actor = admin;
    await terms.POST(req('/api/watch/terms', 'POST', { kind: 'keyword', value: 'synthetic offer' }));
    queued.scans.length = 0;
    session.actor = limited;
    const res = await scan.POST(req('/api/watch/scan', 'POST'));
    expect(res.status).toBe(202);
    expect(await body(res)).toEqual({ queued: 1 });
    expect(queued.scans).toEqual([instA.id]);
  });

  it('closes a watch item only for a moderator who can act on its instance', async () => {
    session.actor = limited;
    expect((await close.POST(req(`/api/watch/items/${itemB}/close`, 'POST', {}), id(itemB))).status).toBe(404);
    session.actor = moderator;
    const res = await close.POST(req(`/api/watch/items/${itemB}/close`, 'POST'), id(itemB));
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ id: itemB, status: 'resolved' });
    const back = await close.POST(req(`/api/watch/items/${itemB}/close`, 'POST', { reopen: true }), id(itemB));
    expect(await body(back)).toEqual({ id: itemB, status: 'open' });
  });
});

describe('bad input gets a clear 400', () => {
  it.each([
    ['no kind', { value: 'x' }, 'The request was not valid.'],
    ['unknown kind', { kind: 'regex', value: 'x' }, 'The request was not valid.'],
    ['unknown field', { kind: 'hashtag', value: 'ok', createdById: ANY_ID }, 'The request was not valid.'],
    ['bad hashtag', { kind: 'hashtag', value: '#trade-test' }, 'A hashtag can hold only letters, digits and _ (no spaces, dashes or dots).'],
    ['short keyword', { kind: 'keyword', value: 'a' }, 'A keyword needs at least 2 characters.'],
    ['bad domain', { kind: 'domain', value: 'localhost' }, 'That is not a full domain. Type one such as example.org.'],
    ['bad instance id', { kind: 'hashtag', value: 'ok', instanceIds: ['nope'] }, 'The request was not valid.'],
    ['unknown instance', { kind: 'hashtag', value: 'ok', instanceIds: [ANY_ID] }, 'One of the chosen instances no longer exists.'],
    ['malformed json', '{"kind":', 'The request was not valid.'],
  ])('%s', async (_name, input, message) => {
    session.actor = admin;
    const res = await terms.POST(req('/api/watch/terms', 'POST', input));
    expect(res.status).toBe(400);
    const { error } = await body<{ error: { message: string } }>(res);
    expect(error.message).toBe(message);
  });

  it('refuses a bad close body and an unknown item', async () => {
    session.actor = moderator;
    expect((await close.POST(req(`/api/watch/items/${itemB}/close`, 'POST', { reopen: 'yes' }), id(itemB))).status).toBe(400);
    expect((await close.POST(req('/api/watch/items/nope/close', 'POST', {}), id('nope'))).status).toBe(404);
    session.actor = admin;
    expect((await term.PATCH(req('/api/watch/terms/nope', 'PATCH', { enabled: true }), id('nope'))).status).toBe(404);
  });
});
