/**
 * The blocklist route handlers against a real database: the role each route asks the choke point for (viewers
 * read, never change; policy and publish are for admins), clear 400s for bad input, a limited moderator seeing only
 * their instances in the preview, apply guarded by federation access and the digest, and the published CSV read
 * without a session. The session layer is a stub applying the real role rule (sign-in has its own tests).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MinRole, UserActor } from '@/lib/auth/current-actor';
import type { PreviewView, SourceDetailView, SourceView } from '@/lib/blocklists/types';
import { db } from '@/lib/db';
import { actorFor, makeInstance, makeUser } from './queue-fixtures';
import { jsonRequest as req, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
// No job runner here: fetches and outbox actions stay queued in the database; the calls are counted.
const queued = vi.hoisted(() => ({ fetches: [] as string[], actions: [] as string[] }));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<object>()),
  enqueueBlocklistFetch: vi.fn(async (id: string) => { queued.fetches.push(id); }),
  enqueueAction: vi.fn(async (id: string) => { queued.actions.push(id); }),
}));

const sources = await import('@/app/api/blocklists/sources/route');
const source = await import('@/app/api/blocklists/sources/[id]/route');
const sourceFetch = await import('@/app/api/blocklists/sources/[id]/fetch/route');
const policy = await import('@/app/api/blocklists/policy/route');
const allow = await import('@/app/api/blocklists/allow/route');
const allowOne = await import('@/app/api/blocklists/allow/[domain]/route');
const preview = await import('@/app/api/blocklists/preview/route');
const apply = await import('@/app/api/blocklists/apply/route');
const blocksSync = await import('@/app/api/blocklists/blocks-sync/route');
const applications = await import('@/app/api/blocklists/applications/route');
const application = await import('@/app/api/blocklists/applications/[id]/route');
const undo = await import('@/app/api/blocklists/applications/[id]/undo/route');
const publish = await import('@/app/api/blocklists/publish/route');
const published = await import('@/app/api/blocklists/published.csv/route');
const fedAccess = await import('@/app/api/users/[id]/federation-access/route');

const ANY_ID = '00000000-0000-4000-8000-0000000000b1';
const id = (v: string) => routeParams({ id: v });
const body = async <T>(res: Response) => (await res.json()) as T;

let viewer: UserActor, moderator: UserActor, admin: UserActor, owner: UserActor, limited: UserActor;
let instA: { id: string; name: string }, instB: { id: string; name: string };

beforeAll(async () => {
  [viewer, moderator, admin, owner] = await Promise.all((['viewer', 'moderator', 'admin', 'owner'] as const).map(async (r) => actorFor(await makeUser(r))));
  [instA, instB] = [await makeInstance('bl-a'), await makeInstance('bl-b')];
  limited = actorFor(await makeUser('moderator'), [instA.id]);
});

describe('who may call the blocklist routes', () => {
  const writes: { name: string; min: MinRole; call: (r: Request) => Promise<Response>; path: string; method: string; body?: unknown }[] = [
    { name: 'add source', min: 'moderator', call: (r) => sources.POST(r), path: '/api/blocklists/sources', method: 'POST', body: { url: 'https://lists.example/a.csv' } },
    { name: 'patch source', min: 'moderator', call: (r) => source.PATCH(r, id(ANY_ID)), path: `/api/blocklists/sources/${ANY_ID}`, method: 'PATCH', body: { trusted: true } },
    { name: 'remove source', min: 'moderator', call: (r) => source.DELETE(r, id(ANY_ID)), path: `/api/blocklists/sources/${ANY_ID}`, method: 'DELETE' },
    { name: 'fetch source', min: 'moderator', call: (r) => sourceFetch.POST(r, id(ANY_ID)), path: `/api/blocklists/sources/${ANY_ID}/fetch`, method: 'POST' },
    { name: 'policy', min: 'admin', call: (r) => policy.PUT(r), path: '/api/blocklists/policy', method: 'PUT', body: { threshold: 1, severity: 'max', autoRetract: false } },
    { name: 'allow', min: 'moderator', call: (r) => allow.POST(r), path: '/api/blocklists/allow', method: 'POST', body: { domain: 'friends.example' } },
    { name: 'unallow', min: 'moderator', call: (r) => allowOne.DELETE(r, routeParams({ domain: 'friends.example' })), path: '/api/blocklists/allow/friends.example', method: 'DELETE' },
    { name: 'apply', min: 'moderator', call: (r) => apply.POST(r), path: '/api/blocklists/apply', method: 'POST', body: { digest: 'x' } },
    { name: 'blocks sync', min: 'moderator', call: (r) => blocksSync.POST(r), path: '/api/blocklists/blocks-sync', method: 'POST', body: {} },
    { name: 'undo', min: 'moderator', call: (r) => undo.POST(r, id(ANY_ID)), path: `/api/blocklists/applications/${ANY_ID}/undo`, method: 'POST' },
    { name: 'publish', min: 'admin', call: (r) => publish.PUT(r), path: '/api/blocklists/publish', method: 'PUT', body: { enabled: true, public: true } },
    { name: 'federation access', min: 'admin', call: (r) => fedAccess.PUT(r, id(ANY_ID)), path: `/api/users/${ANY_ID}/federation-access`, method: 'PUT', body: { granted: true } },
  ];

  it('answers 401 without a session and 403 to a viewer on every change; admin-only routes refuse moderators', async () => {
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
    expect(queued.fetches).toEqual([]);
  });

  it('lets a viewer read sources, policy, allowlist, preview, history and publish state (without the token URL)', async () => {
    session.actor = viewer;
    for (const [name, call] of [
      ['sources', () => sources.GET(req('/api/blocklists/sources'))], ['policy', () => policy.GET(req('/api/blocklists/policy'))],
      ['allow', () => allow.GET(req('/api/blocklists/allow'))], ['preview', () => preview.GET(req('/api/blocklists/preview'))],
      ['applications', () => applications.GET(req('/api/blocklists/applications'))], ['publish', () => publish.GET(req('/api/blocklists/publish'))],
    ] as const) {
      const res = await call();
      expect(res.status, name).toBe(200);
      expect(res.headers.get('cache-control'), name).toBe('no-store');
    }
  });
});

describe('bad input gets a clear 400', () => {
  it('refuses a source with both or neither of URL and file, a non-URL, a bad refresh, bad ids and a bad policy', async () => {
    session.actor = moderator;
    const cases: [string, Promise<Response>][] = [
      ['both', sources.POST(req('/api/blocklists/sources', 'POST', { url: 'https://x.example/l.csv', upload: { filename: 'l.txt', text: 'a.example' } }))],
      ['neither', sources.POST(req('/api/blocklists/sources', 'POST', { name: 'x' }))],
      ['not a url', sources.POST(req('/api/blocklists/sources', 'POST', { url: 'not a url' }))],
      ['refresh', sources.POST(req('/api/blocklists/sources', 'POST', { url: 'https://x.example/l.csv', refreshMinutes: 1 }))],
      ['unknown field', sources.POST(req('/api/blocklists/sources', 'POST', { url: 'https://x.example/l.csv', createdById: ANY_ID }))],
      ['malformed json', sources.POST(req('/api/blocklists/sources', 'POST', '{"url":'))],
      ['bad id', source.GET(req('/api/blocklists/sources/nope'), id('nope'))],
      ['bad instance filter', preview.GET(req('/api/blocklists/preview?instance=nope'))],
      ['apply without digest', apply.POST(req('/api/blocklists/apply', 'POST', {}))],
      ['apply bad op', apply.POST(req('/api/blocklists/apply', 'POST', { digest: 'x', ops: ['nuke'] }))],
    ];
    for (const [name, p] of cases) {
      const res = await p;
      expect(res.status, name).toBe(400);
      expect((await body<{ error: { message: string } }>(res)).error.message, name).toBeTruthy();
    }
    session.actor = admin;
    const res = await policy.PUT(req('/api/blocklists/policy', 'PUT', { threshold: 0, severity: 'max', autoRetract: false }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('At least 1 source.');
  });

  it('answers 404 for an unknown source and refuses a private address to a moderator', async () => {
    session.actor = moderator;
    expect((await source.GET(req(`/api/blocklists/sources/${ANY_ID}`), id(ANY_ID))).status).toBe(404);
    expect((await sources.POST(req('/api/blocklists/sources', 'POST', { url: 'http://127.0.0.1:9/l.csv', allowPrivate: true }))).status).toBe(403);
    session.actor = owner;
    const local = await sources.POST(req('/api/blocklists/sources', 'POST', { url: 'http://127.0.0.1:9/l.csv', allowPrivate: true }));
    expect(local.status).toBe(201);
    const localId = (await body<{ id: string }>(local)).id;
    expect((await source.DELETE(req(`/api/blocklists/sources/${localId}`, 'DELETE'), id(localId))).status).toBe(200);
  });
});

describe('sources, allowlist, preview and apply through the routes', () => {
  let uploadId = '';
  let digest = '';

  it('an upload lands at once with its bad line listed; a URL source is queued for fetching', async () => {
    session.actor = moderator;
    const text = ['#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate', 'spam.example,suspend,true,true,spam,false', 'not a domain!,suspend,false,false,,false', 'loud.example,silence,false,false,,false'].join('\n');
    const res = await sources.POST(req('/api/blocklists/sources', 'POST', { upload: { filename: 'team.csv', text } }));
    expect(res.status).toBe(201);
    uploadId = (await body<{ id: string }>(res)).id;
    const list = await body<{ sources: SourceView[] }>(await sources.GET(req('/api/blocklists/sources')));
    const row = list.sources.find((s) => s.id === uploadId);
    expect(row).toMatchObject({ name: 'team.csv', url: null, entryCount: 2, badLineCount: 1 });
    const detail = await body<{ source: SourceDetailView }>(await source.GET(req(`/api/blocklists/sources/${uploadId}`), id(uploadId)));
    expect(detail.source.fetches[0].badLines.map((b) => b.line)).toEqual([3]);
    expect(detail.source.entries.map((e) => e.domain)).toEqual(['loud.example', 'spam.example']);

    const renamed = await source.PATCH(req(`/api/blocklists/sources/${uploadId}`, 'PATCH', { name: 'Team list', trusted: true }), id(uploadId));
    expect(renamed.status).toBe(200);
    expect((await body<{ source: SourceView }>(renamed)).source).toMatchObject({ name: 'Team list', trusted: true });
    // An uploaded list has nothing to fetch.
    expect((await sourceFetch.POST(req(`/api/blocklists/sources/${uploadId}/fetch`, 'POST'), id(uploadId))).status).toBe(409);

    const byUrl = await sources.POST(req('/api/blocklists/sources', 'POST', { url: 'https://lists.example/tier0.csv', format: 'mastodon_csv', refreshMinutes: 360 }));
    expect(byUrl.status).toBe(201);
    const urlId = (await body<{ id: string }>(byUrl)).id;
    expect(queued.fetches).toContain(urlId);
    expect((await sourceFetch.POST(req(`/api/blocklists/sources/${urlId}/fetch`, 'POST'), id(urlId))).status).toBe(202);
    expect(queued.fetches.filter((x) => x === urlId)).toHaveLength(2);
    expect((await source.DELETE(req(`/api/blocklists/sources/${urlId}`, 'DELETE'), id(urlId))).status).toBe(200);
    expect((await source.GET(req(`/api/blocklists/sources/${urlId}`), id(urlId))).status).toBe(404);
  });

  it('the allowlist adds (normalized) and removes', async () => {
    session.actor = moderator;
    const added = await allow.POST(req('/api/blocklists/allow', 'POST', { domain: 'Friends.Example.', comment: 'our friends' }));
    expect(added.status).toBe(201);
    expect((await body<{ allow: { domain: string }[] }>(added)).allow.map((a) => a.domain)).toContain('friends.example');
    expect((await allowOne.DELETE(req('/api/blocklists/allow/friends.example', 'DELETE'), routeParams({ domain: 'friends.example' }))).status).toBe(200);
    expect((await body<{ allow: unknown[] }>(await allow.GET(req('/api/blocklists/allow')))).allow).toEqual([]);
  });

  it('the preview shows a limited moderator only their instances, everyone else all', async () => {
    session.actor = admin;
    expect((await policy.PUT(req('/api/blocklists/policy', 'PUT', { threshold: 1, severity: 'max', autoRetract: false }))).status).toBe(200);
    session.actor = viewer;
    const all = (await body<{ preview: PreviewView }>(await preview.GET(req('/api/blocklists/preview')))).preview;
    expect(all.instances.map((i) => i.name).sort()).toEqual([instA.name, instB.name].sort());
    expect(all.canApply).toBe(false);
    session.actor = limited;
    const mine = (await body<{ preview: PreviewView }>(await preview.GET(req('/api/blocklists/preview')))).preview;
    expect(mine.instances.map((i) => i.instanceId)).toEqual([instA.id]);
    const a = mine.instances[0];
    expect(a.lines.filter((l) => l.op === 'add').map((l) => l.domain).sort()).toEqual(['loud.example', 'spam.example']);
    // Asking for another instance by id does not reveal it.
    const other = (await body<{ preview: PreviewView }>(await preview.GET(req(`/api/blocklists/preview?instance=${instB.id}`)))).preview;
    expect(other.instances.map((i) => i.instanceId)).not.toContain(instB.id);
    session.actor = moderator;
    digest = (await body<{ preview: PreviewView }>(await preview.GET(req('/api/blocklists/preview')))).preview.digest;
  });

  it('apply needs federation access and the current digest, then queues one action per instance', async () => {
    session.actor = moderator;
    const refused = await apply.POST(req('/api/blocklists/apply', 'POST', { digest }));
    expect(refused.status).toBe(403);
    expect((await body<{ error: { message: string } }>(refused)).error.message).toMatch(/federation access/);

    session.actor = admin;
    const grant = await fedAccess.PUT(req(`/api/users/${moderator.id}/federation-access`, 'PUT', { granted: true }), id(moderator.id));
    expect(grant.status).toBe(200);
    expect((await fedAccess.PUT(req(`/api/users/${viewer.id}/federation-access`, 'PUT', { granted: true }), id(viewer.id))).status).toBe(400);

    session.actor = moderator;
    const stale = await apply.POST(req('/api/blocklists/apply', 'POST', { digest: 'ab'.repeat(32) }));
    expect(stale.status).toBe(409);
    expect((await body<{ error: { message: string } }>(stale)).error.message).toBe('The preview changed since you opened it; review it again.');

    const res = await apply.POST(req('/api/blocklists/apply', 'POST', { digest, instanceIds: [instA.id] }));
    expect(res.status).toBe(201);
    const result = await body<{ applicationId: string; changes: number; instances: number }>(res);
    expect(result).toMatchObject({ changes: 2, instances: 1 });
    expect(queued.actions).toHaveLength(1);
    expect(await db.action.count({ where: { blocklistApplicationId: result.applicationId } })).toBe(1);

    session.actor = viewer;
    const list = await body<{ applications: { id: string; state: string }[] }>(await applications.GET(req('/api/blocklists/applications')));
    expect(list.applications[0]).toMatchObject({ id: result.applicationId, state: 'queued' });
    const detail = await application.GET(req(`/api/blocklists/applications/${result.applicationId}`), id(result.applicationId));
    expect(detail.status).toBe(200);
    expect((await body<{ application: { changes: { domain: string; instanceId: string }[] } }>(detail)).application.changes.map((c) => c.domain).sort()).toEqual(['loud.example', 'spam.example']);
    expect((await application.GET(req(`/api/blocklists/applications/${ANY_ID}`), id(ANY_ID))).status).toBe(404);

    // Still being sent: nothing to undo yet.
    session.actor = moderator;
    expect((await undo.POST(req(`/api/blocklists/applications/${result.applicationId}/undo`, 'POST'), id(result.applicationId))).status).toBe(409);
  });
});

describe('the published list', () => {
  it('is 404 while disabled, needs the token unless public, and is a Mastodon CSV', async () => {
    session.actor = null;
    expect((await published.GET(req('/api/blocklists/published.csv'))).status).toBe(404);

    session.actor = admin;
    const on = await publish.PUT(req('/api/blocklists/publish', 'PUT', { enabled: true, public: false }));
    expect(on.status).toBe(200);
    const url = (await body<{ publish: { url: string } }>(on)).publish.url;
    const token = new URL(url).searchParams.get('token') ?? '';
    expect(token).not.toBe('');
    session.actor = moderator;
    expect((await body<{ publish: { url: string | null } }>(await publish.GET(req('/api/blocklists/publish')))).publish.url).toBeNull();

    session.actor = null;
    expect((await published.GET(req('/api/blocklists/published.csv'))).status).toBe(404);
    expect((await published.GET(req('/api/blocklists/published.csv?token=wrong'))).status).toBe(404);
    const ok = await published.GET(req(`/api/blocklists/published.csv?token=${encodeURIComponent(token)}`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const csv = await ok.text();
    expect(csv.split(/\r?\n/)[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    expect(csv).toContain('spam.example,suspend');
    expect(csv).not.toContain('Team list');

    session.actor = admin;
    expect((await publish.PUT(req('/api/blocklists/publish', 'PUT', { enabled: true, public: true }))).status).toBe(200);
    session.actor = null;
    expect((await published.GET(req('/api/blocklists/published.csv'))).status).toBe(200);
  });
});

