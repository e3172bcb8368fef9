/**
 * Bulk work from the queue (issue 12, point 3): one request becomes one ordinary per-report Action each, with the
 * role rule at the route, the instance rule per report (a hidden report is refused, the others still go), and the
 * undo window carried through. Real Postgres; the session is a stub that applies the real role rule.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { cancelAction } from '@/lib/actions/cancel-action';
import { bulkRequest, type BulkResult } from '@/lib/queue/bulk-request';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const bulkRoute = await import('@/app/api/queue/bulk/route');

let viewer: UserActor;
let moderator: UserActor;
let instA: string;
let instB: string;
let onA: string[];
let onB: string[];

async function reportsOn(instanceId: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await makeReport({ instanceId, targetId: (await makeAccount(instanceId)).id })).id);
  return out;
}

beforeAll(async () => {
  viewer = actorFor(await makeUser('viewer'));
  moderator = actorFor(await makeUser('moderator'));
  instA = (await makeInstance('bulk-a')).id;
  instB = (await makeInstance('bulk-b')).id;
  onA = await reportsOn(instA, 8);
  onB = await reportsOn(instB, 3);
});

const post = (body: unknown) => bulkRoute.POST(jsonRequest('/api/queue/bulk', 'POST', body));

describe('bulk resolve', () => {
  it('of three reports makes three held per-report actions, each audited, and one Undo per action cancels them all', async () => {
    session.actor = moderator;
    const ids = onA.slice(0, 3);
    const res = await post({ reportIds: ids, action: { kind: 'report.resolve' }, holdSeconds: 5 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: BulkResult[]; sendAt: string };
    expect(body.results.map((r) => [r.reportId, r.outcome])).toEqual(ids.map((id) => [id, 'queued']));
    expect(new Date(body.sendAt).getTime()).toBeGreaterThan(Date.now());
    const actions = await db.action.findMany({ where: { reportId: { in: ids } } });
    expect(actions).toHaveLength(3);
    expect(new Set(actions.map((a) => a.reportId))).toEqual(new Set(ids));
    for (const a of actions) {
      expect(a.kind).toBe('report.resolve');
      expect(a.status).toBe('pending');
      expect(a.requestedById).toBe(moderator.id);
      expect(a.nextAttemptAt!.getTime() - a.createdAt.getTime()).toBeGreaterThan(4_000);
    }
    expect(await db.auditEvent.count({ where: { action: 'report.resolve.requested', targetId: { in: ids } } })).toBe(3);
    for (const r of body.results) await cancelAction({ ctx: { actor: moderator }, input: { actionId: r.actionId! } });
    expect(await db.action.count({ where: { reportId: { in: ids }, status: 'cancelled' } })).toBe(3);
  });

  it('assign to me works the same way, and duplicates in the list make one action', async () => {
    const id = onA[3]!;
    const { results } = await bulkRequest({ ctx: { actor: moderator }, input: { reportIds: [id, id], action: { kind: 'report.assign_to_self' } } });
    expect(results).toHaveLength(1);
    expect(results[0]!.outcome).toBe('queued');
    const a = await db.action.findFirstOrThrow({ where: { reportId: id } });
    expect(a.kind).toBe('report.assign_to_self');
    expect(a.nextAttemptAt).toBeNull();
  });
});

describe('who may bulk', () => {
  it('401 without a session, 403 for a viewer, and nothing is written', async () => {
    const ids = onA.slice(4, 6);
    session.actor = null;
    expect((await post({ reportIds: ids, action: { kind: 'report.resolve' } })).status).toBe(401);
    session.actor = viewer;
    expect((await post({ reportIds: ids, action: { kind: 'report.resolve' } })).status).toBe(403);
    expect(await db.action.count({ where: { reportId: { in: ids } } })).toBe(0);
  });

  it('a moderator limited to instance A: the hidden report on B is refused on its own, the others are still queued', async () => {
    session.actor = { ...moderator, instanceIds: [instA] };
    const ids = [onA[4]!, onB[0]!, onA[5]!];
    const res = await post({ reportIds: ids, action: { kind: 'report.resolve' }, holdSeconds: 5 });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: BulkResult[] };
    expect(results.map((r) => r.outcome)).toEqual(['queued', 'refused', 'queued']);
    expect(results[1]!.reason).toBe('You cannot act on this report.');
    expect(results[1]!.actionId).toBeUndefined();
    expect(await db.action.count({ where: { reportId: onB[0]! } })).toBe(0);
    // An unknown id gets the very same words: a limited moderator cannot tell hidden from missing.
    const missing = '00000000-0000-4000-8000-00000000dead';
    const again = await bulkRequest({ ctx: { actor: { ...moderator, instanceIds: [instA] } }, input: { reportIds: [missing, onB[1]!], action: { kind: 'report.resolve' } } });
    expect(again.results.map((r) => r.reason)).toEqual(['You cannot act on this report.', 'You cannot act on this report.']);
  });
});

describe('bad input is a clear 400', () => {
  it.each([
    ['no reports', { reportIds: [], action: { kind: 'report.resolve' } }],
    ['too many reports', { reportIds: Array.from({ length: 201 }, () => crypto.randomUUID()), action: { kind: 'report.resolve' } }],
    ['not an id', { reportIds: ['nope'], action: { kind: 'report.resolve' } }],
    ['a kind bulk does not offer', { reportIds: [crypto.randomUUID()], action: { kind: 'account.action', type: 'suspend' } }],
    ['hold too long', { reportIds: [crypto.randomUUID()], action: { kind: 'report.resolve' }, holdSeconds: 60 }],
    ['no body shape', 'not json'],
  ])('%s', async (_name, body) => {
    session.actor = moderator;
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('bad_request');
  });
});
