/**
 * Escalations against a real database: one open per subject (a second raise, even at the same moment, returns the
 * open one), only admins and owners settle, the assignee must be an admin, a limited moderator cannot escalate a
 * report they cannot see, openEscalationsFor is one batch, the inbox shows open ones to admins only; routes' codes.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { raiseEscalation } from '@/lib/escalations/raise-escalation';
import { resolveEscalation } from '@/lib/escalations/resolve-escalation';
import { openEscalationsFor } from '@/lib/escalations/open-escalations-for';
import { getInbox } from '@/lib/notes/get-inbox';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const escRoute = await import('@/app/api/escalations/route');
const resolveRoute = await import('@/app/api/escalations/[id]/resolve/route');

let A: string; let B: string;
let reportA: string; let reportA2: string; let reportB: string;
let viewer: UserActor; let mod: UserActor; let mod2: UserActor; let admin: UserActor; let limitedB: UserActor;

beforeAll(async () => {
  A = (await makeInstance('esc-a')).id;
  B = (await makeInstance('esc-b')).id;
  const acc = (await makeAccount(A)).id;
  reportA = (await makeReport({ instanceId: A, targetId: acc })).id;
  reportA2 = (await makeReport({ instanceId: A, targetId: acc })).id;
  reportB = (await makeReport({ instanceId: B, targetId: (await makeAccount(B)).id })).id;
  viewer = actorFor(await makeUser('viewer'));
  mod = actorFor(await makeUser('moderator'));
  mod2 = actorFor(await makeUser('moderator'));
  admin = actorFor(await makeUser('admin'));
  const lim = await makeUser('moderator');
  await db.user.update({ where: { id: lim.id }, data: { limitedToInstances: true, instances: { create: [{ instanceId: B }] } } });
  limitedB = actorFor(lim, [B]);
});

describe('raise and settle', () => {
  it('keeps one open escalation per subject, even when two press at once', async () => {
    const [x, y] = await Promise.all([
      raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA, reason: 'hash match, needs a lead' } }),
      raiseEscalation({ ctx: { actor: mod2 }, input: { subjectType: 'report', subjectKey: reportA, reason: 'same here' } }),
    ]);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(x.escalation.id).toBe(y.escalation.id);
    expect(await db.escalation.count({ where: { subjectKey: reportA } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'escalation.raised', targetId: reportA } })).toBe(1);
    const again = await raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA, reason: 'third' } });
    expect(again).toMatchObject({ created: false, escalation: { id: x.escalation.id } });
  });

  it('lets only admins settle, once; then a new one may be raised', async () => {
    const open = (await openEscalationsFor('report', [reportA, reportA2, reportB])).get(reportA)!;
    expect(open.reason).toMatch(/needs a lead|same here/);
    const id = (await db.escalation.findFirstOrThrow({ where: { subjectKey: reportA, resolvedAt: null } })).id;
    await expect(resolveEscalation({ ctx: { actor: mod }, input: { id, resolution: 'ok' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveEscalation({ ctx: { actor: admin }, input: { id, resolution: '  ' } })).rejects.toMatchObject({ code: 'bad_request' });
    const done = await resolveEscalation({ ctx: { actor: admin }, input: { id, resolution: 'suspended everywhere' } });
    expect(done).toMatchObject({ resolution: 'suspended everywhere', resolvedByLabel: admin.email });
    await expect(resolveEscalation({ ctx: { actor: admin }, input: { id, resolution: 'again' } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.auditEvent.count({ where: { action: 'escalation.resolved', targetId: reportA } })).toBe(1);
    expect((await openEscalationsFor('report', [reportA])).size).toBe(0);
    expect((await raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA, reason: 'back again' } })).created).toBe(true);
  });

  it('asks for an admin as assignee, a reason of 3-500 characters, and a visible subject', async () => {
    await expect(raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA2, reason: 'x', assigneeId: null } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA2, reason: 'look', assigneeId: mod2.id } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Escalate to an admin or the owner.' });
    await expect(raiseEscalation({ ctx: { actor: viewer }, input: { subjectType: 'report', subjectKey: reportA2, reason: 'look' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(raiseEscalation({ ctx: { actor: limitedB }, input: { subjectType: 'report', subjectKey: reportA2, reason: 'look' } })).rejects.toMatchObject({ code: 'not_found' });
    const ok = await raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportA2, reason: 'look please', assigneeId: admin.id } });
    expect(ok.escalation.assigneeId).toBe(admin.id);
    const acct = await raiseEscalation({ ctx: { actor: limitedB }, input: { subjectType: 'account', subjectKey: 'Troll@Bad.Example', reason: 'on every instance' } });
    expect(acct.escalation).toMatchObject({ subjectKey: 'troll@bad.example', href: '/accounts/troll%40bad.example' });
  });

  it('shows open escalations in the inbox of admins only, and hides hidden instances from limited admins', async () => {
    await raiseEscalation({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: reportB, reason: 'on B' } });
    const adminInbox = await getInbox({ ctx: { actor: admin } });
    expect(adminInbox.openEscalationCount).toBe(adminInbox.escalations.length);
    expect(adminInbox.escalations.map((e) => e.subjectKey)).toEqual(expect.arrayContaining([reportA, reportA2, reportB, 'troll@bad.example']));
    expect((await getInbox({ ctx: { actor: mod } })).escalations).toEqual([]);
    const limitedAdmin = { ...admin, instanceIds: [B] };
    const keys = (await getInbox({ ctx: { actor: limitedAdmin } })).escalations.map((e) => e.subjectKey);
    expect(keys).toContain(reportB);
    expect(keys).not.toContain(reportA);
  });
});

describe('routes', () => {
  it('answers 201 then 200 for the same subject, 403 for viewers, 400 for junk; settle is admin-only', async () => {
    const body = { subjectType: 'domain', subjectKey: 'spam.example', reason: 'whole domain is spam' };
    session.actor = viewer;
    expect((await escRoute.POST(jsonRequest('/api/escalations', 'POST', body))).status).toBe(403);
    const list = await escRoute.GET(jsonRequest('/api/escalations?subjectType=domain&subjectKey=spam.example'));
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ escalations: [], canSettle: false });
    session.actor = mod;
    const first = await escRoute.POST(jsonRequest('/api/escalations', 'POST', body));
    expect(first.status).toBe(201);
    const id = ((await first.json()) as { escalation: { id: string } }).escalation.id;
    expect((await escRoute.POST(jsonRequest('/api/escalations', 'POST', body))).status).toBe(200);
    expect((await escRoute.POST(jsonRequest('/api/escalations', 'POST', { ...body, reason: 'no' }))).status).toBe(400);
    expect((await escRoute.POST(jsonRequest('/api/escalations', 'POST', { ...body, subjectKey: 'not a domain' }))).status).toBe(400);
    expect((await escRoute.GET(jsonRequest('/api/escalations?subjectType=nope&subjectKey=x'))).status).toBe(400);
    expect((await resolveRoute.POST(jsonRequest(`/api/escalations/${id}/resolve`, 'POST', { resolution: 'ok' }), routeParams({ id }))).status).toBe(403);
    session.actor = admin;
    const subj = (await (await escRoute.GET(jsonRequest('/api/escalations?subjectType=domain&subjectKey=SPAM.example'))).json()) as { escalations: { id: string }[]; canSettle: boolean };
    expect(subj).toMatchObject({ canSettle: true, escalations: [{ id }] });
    expect((await resolveRoute.POST(jsonRequest('/api/escalations/x/resolve', 'POST', { resolution: 'ok' }), routeParams({ id: 'x' }))).status).toBe(400);
    expect((await resolveRoute.POST(jsonRequest(`/api/escalations/${id}/resolve`, 'POST', { resolution: 'blocked' }), routeParams({ id }))).status).toBe(200);
    expect((await resolveRoute.POST(jsonRequest(`/api/escalations/${id}/resolve`, 'POST', { resolution: 'blocked' }), routeParams({ id }))).status).toBe(409);
    session.actor = limitedB;
    expect((await escRoute.GET(jsonRequest(`/api/escalations?subjectType=report&subjectKey=${reportA}`))).status).toBe(404);
  });
});
