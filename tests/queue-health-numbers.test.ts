/**
 * Queue health: open and oldest open per visible instance, received/resolved per UTC day over 30 days with every
 * day present, and the route's choke point (signed-in staff only; a limited moderator sees only their instances).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { lastDays, queueHealth, type QueueHealth } from '@/lib/queue/queue-health';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const route = await import('@/app/api/queue/health/route');

const NOW = new Date('2026-06-15T10:30:00Z');
const day = (iso: string) => new Date(iso);
let admin: UserActor;
let viewer: UserActor;
let limited: UserActor;
let instA: string;
let instB: string;
let instEmpty: string;

beforeAll(async () => {
  admin = actorFor(await makeUser('admin'));
  viewer = actorFor(await makeUser('viewer'));
  const [a, b, e] = [await makeInstance('alpha'), await makeInstance('beta'), await makeInstance('empty')];
  [instA, instB, instEmpty] = [a.id, b.id, e.id];
  limited = actorFor(await makeUser('moderator'), [instA]);
  const [ta, tb] = [await makeAccount(a.id), await makeAccount(b.id)];
  const seed = (instanceId: string, targetId: string, created: string, resolved?: string) => makeReport({ instanceId, targetId, remoteCreatedAt: day(created), status: resolved ? 'resolved' : 'open' })
    .then((r) => (resolved ? db.report.update({ where: { id: r.id }, data: { resolvedAt: day(resolved) } }) : r));
  // alpha: 3 open (oldest 2026-05-01, outside the window), 1 received and resolved in the window.
  await seed(a.id, ta.id, '2026-05-01T08:00:00Z');
  await seed(a.id, ta.id, '2026-06-14T23:59:59Z');
  await seed(a.id, ta.id, '2026-06-15T00:00:00Z');
  await seed(a.id, ta.id, '2026-06-10T12:00:00Z', '2026-06-14T01:00:00Z');
  // beta: 2 open, one resolved long before the window (counts nowhere).
  await seed(b.id, tb.id, '2026-06-01T05:00:00Z');
  await seed(b.id, tb.id, '2026-06-14T05:00:00Z');
  await seed(b.id, tb.id, '2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z');
});

const perDay = (h: QueueHealth) => new Map(h.perDay.map((d) => [d.day, d]));

describe('queueHealth', () => {
  it('lists 30 UTC days ending today, zero-filled', async () => {
    const h = await queueHealth({ ctx: { actor: admin }, now: NOW });
    expect(h.perDay).toHaveLength(30);
    expect(h.perDay[0].day).toBe('2026-05-17');
    expect(h.perDay[29].day).toBe('2026-06-15');
    expect(h.perDay.map((d) => d.day)).toEqual(lastDays(NOW));
    const d = perDay(h);
    expect(d.get('2026-06-14')).toEqual({ day: '2026-06-14', received: 2, resolved: 1 });
    expect(d.get('2026-06-15')).toEqual({ day: '2026-06-15', received: 1, resolved: 0 });
    expect(d.get('2026-06-10')).toEqual({ day: '2026-06-10', received: 1, resolved: 0 });
    expect(d.get('2026-06-01')).toEqual({ day: '2026-06-01', received: 1, resolved: 0 });
    expect(d.get('2026-05-20')).toEqual({ day: '2026-05-20', received: 0, resolved: 0 });
    expect(h.perDay.reduce((n, x) => n + x.received, 0)).toBe(5);
  });

  it('counts open and the oldest open per instance, empty instances with zero', async () => {
    const h = await queueHealth({ ctx: { actor: admin }, now: NOW });
    const by = new Map(h.perInstance.map((i) => [i.instanceId, i]));
    expect(by.get(instA)).toMatchObject({ open: 3, oldestOpenAt: '2026-05-01T08:00:00.000Z', kind: 'mastodon' });
    expect(by.get(instB)).toMatchObject({ open: 2, oldestOpenAt: '2026-06-01T05:00:00.000Z' });
    expect(by.get(instEmpty)).toMatchObject({ open: 0, oldestOpenAt: null });
  });

  it('a limited moderator sees only their instances, in both lists', async () => {
    const h = await queueHealth({ ctx: { actor: limited }, now: NOW });
    expect(h.perInstance.map((i) => i.instanceId)).toEqual([instA]);
    const d = perDay(h);
    expect(d.get('2026-06-14')).toEqual({ day: '2026-06-14', received: 1, resolved: 1 });
    expect(d.get('2026-06-01')?.received).toBe(0);
    expect(h.perDay.reduce((n, x) => n + x.received, 0)).toBe(3);
  });

  it('lastDays crosses month and year ends in UTC', () => {
    expect(lastDays(new Date('2027-01-02T23:59:59Z'), 3)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(lastDays(new Date('2028-03-01T00:00:00Z'), 2)).toEqual(['2028-02-29', '2028-03-01']);
  });
});

describe('GET /api/queue/health', () => {
  it('refuses without a session and answers a viewer', async () => {
    session.actor = null;
    expect((await route.GET(jsonRequest('/api/queue/health'))).status).toBe(401);
    session.actor = viewer;
    const res = await route.GET(jsonRequest('/api/queue/health'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as QueueHealth;
    expect(body.perDay).toHaveLength(30);
    expect(body.perInstance.map((i) => i.instanceId).sort()).toEqual([instA, instB, instEmpty].sort());
  });

  it('limits a limited moderator to their instances', async () => {
    session.actor = limited;
    const body = (await (await route.GET(jsonRequest('/api/queue/health'))).json()) as QueueHealth;
    expect(body.perInstance.map((i) => i.instanceId)).toEqual([instA]);
  });
});
