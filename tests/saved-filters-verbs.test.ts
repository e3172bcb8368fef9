/**
 * Saved queue filters against a real database and through their routes: a round trip (saved, listed for the author,
 * shared ones for everyone, opened with the queue's own parser), invalid queries refused with a clear 400, cursor
 * and limit dropped, names unique per person, who may delete what, and the audit trail.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { queueInputSchema, searchParamsToRecord } from '@/lib/queue/queue-input';
import { createSavedFilter } from '@/lib/saved-filters/create-saved-filter';
import { deleteSavedFilter } from '@/lib/saved-filters/delete-saved-filter';
import { listSavedFilters } from '@/lib/saved-filters/list-saved-filters';
import { actorFor, makeUser } from './queue-fixtures';
import { jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const listRoute = await import('@/app/api/saved-filters/route');
const oneRoute = await import('@/app/api/saved-filters/[id]/route');

let mod: UserActor;
let other: UserActor;
let admin: UserActor;
let viewer: UserActor;

beforeAll(async () => {
  [mod, other, admin, viewer] = [
    actorFor(await makeUser('moderator')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin')), actorFor(await makeUser('viewer')),
  ];
});

const fail = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('saved filters', () => {
  it('round trip: saved without cursor and limit, listed, and opened by the queue parser as saved', async () => {
    const f = await createSavedFilter({ ctx: { actor: mod }, input: { name: ' Spam, oldest ', query: '?sort=oldest&tag=Spam&cursor=abc&limit=10&bogus=1&status=open' } });
    expect(f).toMatchObject({ name: 'Spam, oldest', shared: false, mine: true, query: 'sort=oldest&status=open&tag=Spam' });
    const parsed = queueInputSchema.parse(searchParamsToRecord(new URLSearchParams(f.query)));
    expect(parsed).toMatchObject({ sort: 'oldest', status: 'open', tag: 'spam', limit: 50 });
    expect(parsed.cursor).toBeUndefined();
    expect((await listSavedFilters({ ctx: { actor: mod } })).map((x) => x.id)).toContain(f.id);
    expect((await listSavedFilters({ ctx: { actor: other } })).map((x) => x.id)).not.toContain(f.id);
    const ev = await db.auditEvent.findFirst({ where: { action: 'saved_filter.created', targetId: f.id } });
    expect(ev?.details).toMatchObject({ name: 'Spam, oldest', shared: false });
  });

  it('refuses an invalid query, an empty or long name, and a second filter of the same name', async () => {
    for (const query of ['status=bogus', 'sort=sideways', 'instanceId=not-a-uuid', 'hasMedia=maybe']) {
      const e = await fail(createSavedFilter({ ctx: { actor: mod }, input: { name: `bad ${query}`, query } }));
      expect(e.code, query).toBe('bad_request');
      expect(e.userMessage).toContain('not a valid queue filter');
    }
    expect((await fail(createSavedFilter({ ctx: { actor: mod }, input: { name: '  ', query: '' } }))).code).toBe('bad_request');
    expect((await fail(createSavedFilter({ ctx: { actor: mod }, input: { name: 'x'.repeat(61), query: '' } }))).code).toBe('bad_request');
    await createSavedFilter({ ctx: { actor: mod }, input: { name: 'Twice', query: 'status=resolved' } });
    const dup = await fail(createSavedFilter({ ctx: { actor: mod }, input: { name: 'Twice', query: '' } }));
    expect(dup.code).toBe('conflict');
    expect(dup.userMessage).toContain('Twice');
  });

  it('shared filters are listed for everyone; only moderators share; only the author or an admin deletes', async () => {
    const shared = await createSavedFilter({ ctx: { actor: mod }, input: { name: 'Team: escalated', query: 'escalated=1', shared: true } });
    const mine = await createSavedFilter({ ctx: { actor: mod }, input: { name: 'Just mine', query: 'assignee=me' } });
    const seen = await listSavedFilters({ ctx: { actor: viewer } });
    expect(seen.find((x) => x.id === shared.id)).toMatchObject({ shared: true, mine: false });
    expect(seen.map((x) => x.id)).not.toContain(mine.id);
    expect((await fail(createSavedFilter({ ctx: { actor: viewer }, input: { name: 'v', query: '', shared: true } }))).code).toBe('forbidden');
    expect((await createSavedFilter({ ctx: { actor: viewer }, input: { name: 'v', query: '' } })).mine).toBe(true);

    expect((await fail(deleteSavedFilter({ ctx: { actor: other }, input: { id: mine.id } }))).code).toBe('not_found');
    expect((await fail(deleteSavedFilter({ ctx: { actor: other }, input: { id: shared.id } }))).code).toBe('forbidden');
    expect((await fail(deleteSavedFilter({ ctx: { actor: admin }, input: { id: mine.id } }))).code).toBe('not_found');
    await deleteSavedFilter({ ctx: { actor: admin }, input: { id: shared.id } });
    await deleteSavedFilter({ ctx: { actor: mod }, input: { id: mine.id } });
    expect(await db.savedFilter.count({ where: { id: { in: [shared.id, mine.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'saved_filter.deleted', targetId: { in: [shared.id, mine.id] } } })).toBe(2);
  });
});

describe('saved filter routes', () => {
  it('answer 401 without a session, 201/200 for a viewer, 400 for junk, 404 for an unknown id', async () => {
    session.actor = null;
    expect((await listRoute.GET(jsonRequest('/api/saved-filters'))).status).toBe(401);
    expect((await listRoute.POST(jsonRequest('/api/saved-filters', 'POST', { name: 'a', query: '' }))).status).toBe(401);
    session.actor = viewer;
    const created = await listRoute.POST(jsonRequest('/api/saved-filters', 'POST', { name: 'Route one', query: 'sort=priority' }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const list = (await (await listRoute.GET(jsonRequest('/api/saved-filters'))).json()) as { filters: { id: string; query: string }[] };
    expect(list.filters.find((f) => f.id === id)?.query).toBe('sort=priority');

    const bad = await listRoute.POST(jsonRequest('/api/saved-filters', 'POST', { name: 'Bad', query: 'status=nope' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('not a valid queue filter');
    expect((await listRoute.POST(jsonRequest('/api/saved-filters', 'POST', { name: 'x', query: '', extra: 1 }))).status).toBe(400);
    expect((await listRoute.POST(jsonRequest('/api/saved-filters', 'POST', '{nope'))).status).toBe(400);

    expect((await oneRoute.DELETE(jsonRequest('/api/saved-filters/x', 'DELETE'), routeParams({ id: 'x' }))).status).toBe(400);
    session.actor = other;
    expect((await oneRoute.DELETE(jsonRequest(`/api/saved-filters/${id}`, 'DELETE'), routeParams({ id }))).status).toBe(404);
    session.actor = viewer;
    expect((await oneRoute.DELETE(jsonRequest(`/api/saved-filters/${id}`, 'DELETE'), routeParams({ id }))).status).toBe(200);
  });
});
