/**
 * The undo window (issue 12, point 4): an action requested with holdSeconds is not sent before the window ends, and
 * Undo withdraws it exactly once or visibly not at all. Real Postgres, a fake Mastodon behind the logging proxy,
 * the real worker verb (performAction) and the real sweeper; the routes with a stub session that applies the role rule.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { cancelAction } from '@/lib/actions/cancel-action';
import { claimAction } from '@/lib/actions/claim-action';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { dispatchOutbox } from '@/lib/jobs/dispatch-outbox';
import { Q } from '@/lib/jobs/queues';
import { persistActor, userActor } from './support/fixtures';
import { drainQueue, proxiedFake } from './outbox-support';
import { jsonRequest, routeParams } from './support/route-requests';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const cancelRoute = await import('@/app/api/actions/[id]/cancel/route');
const actionsRoute = await import('@/app/api/reports/[id]/actions/route');

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000012a1') as UserActor;
const colleague = { ...(userActor('moderator', null, '00000000-0000-4000-8000-0000000012a2') as UserActor), email: 'colleague@example.test' };
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000012a3') as UserActor;
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-0000000012a4') as UserActor;
const SETTINGS = { leaseMs: 30_000, backoffBaseMs: 10_000, backoffCapMs: 60_000, actionMaxAttempts: 5 };
let fake: FakeMastodon;
let proxy: FaultProxy;
let instanceId: string;
let reports: { id: string; remoteId: string }[];
let used = 0;
const nextReport = () => reports[used++]!;
const resolvesOf = (remoteId: string) => proxy.log.filter((r) => r.method === 'POST' && r.path === `/api/v1/admin/reports/${remoteId}/resolve`).length;
const later = (s: number) => new Date(Date.now() + s * 1000);
/** Every queued wake-up, run as a worker would at `now` (drainQueue ignores startAfter: the row's own due time decides). */
const work = (now: Date) => drainQueue<{ actionId: string }>(Q.actionPerform, (d) => performAction(d.actionId, { now, settings: SETTINGS }));

beforeAll(async () => {
  for (const a of [moderator, colleague, admin, viewer]) await persistActor(a);
  ({ fake, proxy, instanceId } = await proxiedFake(24, 1201));
  reports = await db.report.findMany({ where: { instanceId, status: 'open' }, orderBy: { remoteId: 'asc' }, select: { id: true, remoteId: true } });
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

describe('a held action', () => {
  it('is not due during its window, so neither the worker nor the sweeper sends it early', async () => {
    const r = nextReport();
    const { actionId, sendAt } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' }, holdSeconds: 5 } });
    expect(sendAt).not.toBeNull();
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('pending');
    expect(row.nextAttemptAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(4_000);
    await work(new Date());
    await dispatchOutbox(later(2), 0);
    await work(later(2));
    expect(resolvesOf(r.remoteId)).toBe(0);
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('pending');
    // After the window the sweeper wakes it and it lands once.
    await dispatchOutbox(later(6), 0);
    await work(later(6));
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('done');
    expect(resolvesOf(r.remoteId)).toBe(1);
  });

  it('cancelled within the window: the fake receives nothing, the row is cancelled and the undo is audited', async () => {
    const r = nextReport();
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' }, holdSeconds: 5 } });
    expect(await cancelAction({ ctx: { actor: moderator }, input: { actionId } })).toEqual({ actionId, status: 'cancelled' });
    // The worker wakes after the window and after much longer: still nothing is sent.
    for (const s of [6, 120]) {
      await dispatchOutbox(later(s), 0);
      await work(later(s));
    }
    expect(resolvesOf(r.remoteId)).toBe(0);
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('cancelled');
    expect(row.finishedAt).not.toBeNull();
    expect(row.attempts).toBe(0);
    const events = await db.auditEvent.findMany({ where: { action: 'report.resolve.cancelled', targetId: r.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ actionId });
    // A second Undo (double click) gets the same answer and writes no second event.
    expect((await cancelAction({ ctx: { actor: moderator }, input: { actionId } })).status).toBe('cancelled');
    expect(await db.auditEvent.count({ where: { action: 'report.resolve.cancelled', targetId: r.id } })).toBe(1);
    expect((await db.report.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('open');
  });

  it('after the worker sent it: 409 "already sent", nothing is cancelled', async () => {
    const r = nextReport();
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' }, holdSeconds: 5 } });
    expect(await performAction(actionId, { now: later(6), settings: SETTINGS })).toBe('done');
    const err = await cancelAction({ ctx: { actor: moderator }, input: { actionId } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).userMessage).toMatch(/too late to undo/i);
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('done');
    expect(resolvesOf(r.remoteId)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'report.resolve.cancelled', targetId: r.id } })).toBe(0);
  });

  it('while the worker holds the claim (sending now): 409, and the send goes ahead', async () => {
    const r = nextReport();
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' }, holdSeconds: 5 } });
    expect(await claimAction(actionId, later(6), 30_000)).not.toBeNull();
    const res = await cancelRoute.POST((session.actor = moderator, jsonRequest(`/api/actions/${actionId}/cancel`, 'POST', {})), routeParams({ id: actionId }));
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { message: string; status: string } };
    expect(body.error.message).toMatch(/already sent/i);
    expect(body.error.status).toBe('running');
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('running');
  });

  it('racing the claim: exactly one of cancel and claim wins', async () => {
    for (let i = 0; i < 3; i++) {
      const r = nextReport();
      const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' }, holdSeconds: 1 } });
      const [cancelled, token] = await Promise.all([
        cancelAction({ ctx: { actor: moderator }, input: { actionId } }).then(() => true, () => false),
        claimAction(actionId, later(2), 30_000),
      ]);
      expect(Number(cancelled) + Number(token !== null)).toBe(1);
      expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe(cancelled ? 'cancelled' : 'running');
    }
  });
});

describe('who may undo', () => {
  it('the requester and admins; not a colleague, a viewer, or a moderator limited to other instances', async () => {
    const r = nextReport();
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.assign_to_self' }, holdSeconds: 5 } });
    const limited = { ...moderator, instanceIds: ['00000000-0000-4000-8000-00000000ffff'] };
    for (const actor of [colleague, viewer, limited]) {
      const err = await cancelAction({ ctx: { actor }, input: { actionId } }).catch((e: unknown) => e);
      expect((err as AppError).status, actor.email).toBe(403);
    }
    expect((await cancelAction({ ctx: { actor: admin }, input: { actionId } })).status).toBe('cancelled');
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'report.assign_to_self.cancelled', targetId: r.id } });
    expect(event.actorId).toBe(admin.id);
  });

  it('refuses an action that belongs to a case (purge step or forward): its own state machine owns it', async () => {
    const r = nextReport();
    const c = await db.case.create({ data: { title: 'undo test', openedVia: 'report', openedById: moderator.id, openedByLabel: moderator.email } });
    const row = await db.action.create({ data: { instanceId, reportId: r.id, kind: 'report.forward', payload: {}, caseId: c.id, requestedById: moderator.id } });
    const err = await cancelAction({ ctx: { actor: moderator }, input: { actionId: row.id } }).catch((e: unknown) => e);
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).userMessage).toMatch(/part of a case/);
    expect((await db.action.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('pending');
  });

  it('routes: viewer 403, bad id 400, unknown action 404; holdSeconds out of range 400', async () => {
    session.actor = viewer;
    const some = '00000000-0000-4000-8000-000000000abc';
    expect((await cancelRoute.POST(jsonRequest(`/api/actions/${some}/cancel`, 'POST', {}), routeParams({ id: some }))).status).toBe(403);
    session.actor = moderator;
    expect((await cancelRoute.POST(jsonRequest('/api/actions/nope/cancel', 'POST', {}), routeParams({ id: 'nope' }))).status).toBe(400);
    expect((await cancelRoute.POST(jsonRequest(`/api/actions/${some}/cancel`, 'POST', {}), routeParams({ id: some }))).status).toBe(404);
    const r = nextReport();
    for (const holdSeconds of [11, -1, 2.5, '5']) {
      const res = await actionsRoute.POST(jsonRequest(`/api/reports/${r.id}/actions`, 'POST', { kind: 'report.resolve', holdSeconds }), routeParams({ id: r.id }));
      expect(res.status, String(holdSeconds)).toBe(400);
    }
    expect(await db.action.count({ where: { reportId: r.id } })).toBe(0);
    const ok = await actionsRoute.POST(jsonRequest(`/api/reports/${r.id}/actions`, 'POST', { kind: 'report.resolve', holdSeconds: 5 }), routeParams({ id: r.id }));
    expect(ok.status).toBe(202);
    const { actionId, sendAt } = (await ok.json()) as { actionId: string; sendAt: string };
    expect(new Date(sendAt).getTime()).toBeGreaterThan(Date.now() + 2_000);
    expect((await cancelRoute.POST(jsonRequest(`/api/actions/${actionId}/cancel`, 'POST', {}), routeParams({ id: actionId }))).status).toBe(200);
  });
});
