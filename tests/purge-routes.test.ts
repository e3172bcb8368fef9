/**
 * The purge route handlers against a real database: the role each route asks the choke point for (viewers read
 * progress but never see the plan or change anything; only admins approve), the streaming body caps, the request
 * shapes, and a read of a real plan through the real verb. The session layer is a stub applying the real role rule.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MinRole, UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import type { PurgePlan } from '@/lib/purge/types';
import { actorFor, makeInstance, makeUser } from './queue-fixtures';
import { MB, countingBody, jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
// No job runner here: a started run would stay queued.
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueuePurgeRun: vi.fn(async () => {}) }));

const purgeRoute = await import('@/app/api/cases/[id]/purge/route');
const planRoute = await import('@/app/api/cases/[id]/purge/plan/route');
const approveRoute = await import('@/app/api/cases/[id]/purge/[runId]/approve/route');
const cancelRoute = await import('@/app/api/cases/[id]/purge/[runId]/cancel/route');
const recheckRoute = await import('@/app/api/cases/[id]/purge/[runId]/recheck/route');
const acceptRoute = await import('@/app/api/cases/[id]/copies/[copyId]/accept/route');

const ANY = '00000000-0000-4000-8000-0000000000d1';
const RUN = '00000000-0000-4000-8000-0000000000d2';
const p = routeParams;
const req = jsonRequest;


const writes: { name: string; min: MinRole; call: (r: Request) => Promise<Response>; path: string; body: unknown; readsBody: boolean }[] = [
  { name: 'start', min: 'moderator', call: (r) => purgeRoute.POST(r, p({ id: ANY })), path: `/api/cases/${ANY}/purge`, body: { choices: [] }, readsBody: true },
  { name: 'approve', min: 'admin', call: (r) => approveRoute.POST(r, p({ id: ANY, runId: RUN })), path: `/api/cases/${ANY}/purge/${RUN}/approve`, body: {}, readsBody: false },
  { name: 'cancel', min: 'moderator', call: (r) => cancelRoute.POST(r, p({ id: ANY, runId: RUN })), path: `/api/cases/${ANY}/purge/${RUN}/cancel`, body: {}, readsBody: false },
  { name: 'recheck', min: 'moderator', call: (r) => recheckRoute.POST(r, p({ id: ANY, runId: RUN })), path: `/api/cases/${ANY}/purge/${RUN}/recheck`, body: { instanceId: ANY }, readsBody: true },
  { name: 'accept', min: 'moderator', call: (r) => acceptRoute.POST(r, p({ id: ANY, copyId: RUN })), path: `/api/cases/${ANY}/copies/${RUN}/accept`, body: { reason: 'kept by a partner' }, readsBody: true },
];

let viewer: UserActor;
let moderator: UserActor;
let admin: UserActor;
let caseId: string;
let instanceName: string;
let copyId: string;

beforeAll(async () => {
  [viewer, moderator, admin] = [actorFor(await makeUser('viewer')), actorFor(await makeUser('moderator')), actorFor(await makeUser('admin'))];
  const inst = await makeInstance('purge-routes');
  instanceName = inst.name;
  const c = await db.case.create({ data: { title: 'Synthetic purge route case', openedVia: 'cli', openedByLabel: 'test', originDomain: 'origin.example' } });
  caseId = c.id;
  ({ id: copyId } = await db.caseCopy.create({
    data: { caseId, instanceId: inst.id, copyKey: 'post:9', remotePostId: '9', postUrl: `${inst.baseUrl}/@a/9`, remoteMediaId: 'm9', mediaUrl: `${inst.baseUrl}/m9.png`, accountAcct: 'a@origin.example', remoteAccountId: 'acc9', foundBy: 'sha256', foundVia: 'remote' },
  }));
});

describe('who may call the purge routes', () => {
  it('answers 401 without a session, refuses every change to a viewer, and approval to a moderator', async () => {
    for (const w of writes) {
      session.actor = null;
      expect((await w.call(req(w.path, 'POST', w.body))).status, w.name).toBe(401);
      session.actor = viewer;
      expect((await w.call(req(w.path, 'POST', w.body))).status, w.name).toBe(403);
    }
    session.actor = moderator;
    expect((await approveRoute.POST(req(`/api/cases/${ANY}/purge/${RUN}/approve`, 'POST'), p({ id: ANY, runId: RUN }))).status).toBe(403);
    session.actor = viewer;
    expect((await planRoute.GET(req(`/api/cases/${caseId}/purge/plan`), p({ id: caseId }))).status).toBe(403);
  });

  it('lets a viewer read the progress (none yet), without caching', async () => {
    session.actor = viewer;
    const res = await purgeRoute.GET(req(`/api/cases/${caseId}/purge`), p({ id: caseId }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toBeNull();
  });
});

describe('request bodies', () => {
  it('stops reading a 150 MB body on every route that reads one, with 413', async () => {
    session.actor = admin;
    for (const w of writes.filter((x) => x.readsBody)) {
      const body = countingBody(150 * MB);
      const res = await w.call(new Request(`http://app.test${w.path}`, { method: 'POST', body: body.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit));
      expect(res.status, w.name).toBe(413);
      expect(body.pulled(), w.name).toBeLessThan(2 * MB);
    }
  });

  it('refuses malformed requests with 400 before any verb runs', async () => {
    session.actor = moderator;
    const bad: [Promise<Response>, string][] = [
      [purgeRoute.POST(req(`/api/cases/${ANY}/purge`, 'POST', {}), p({ id: ANY })), 'no choices'],
      [purgeRoute.POST(req(`/api/cases/${ANY}/purge`, 'POST', { choices: [{ instanceId: 'x', optionId: 'a' }] }), p({ id: ANY })), 'bad instance id'],
      [purgeRoute.POST(req(`/api/cases/${ANY}/purge`, 'POST', { choices: [{ instanceId: ANY, optionId: 'a' }, { instanceId: ANY, optionId: 'skip' }] }), p({ id: ANY })), 'instance twice'],
      [purgeRoute.POST(req(`/api/cases/${ANY}/purge`, 'POST', { choices: [], all: true }), p({ id: ANY })), 'unknown field'],
      [purgeRoute.GET(req('/api/cases/x/purge'), p({ id: 'x' })), 'bad case id'],
      [recheckRoute.POST(req(`/api/cases/${ANY}/purge/x/recheck`, 'POST', { instanceId: ANY }), p({ id: ANY, runId: 'x' })), 'bad run id'],
      [recheckRoute.POST(req(`/api/cases/${ANY}/purge/${RUN}/recheck`, 'POST', {}), p({ id: ANY, runId: RUN })), 'no instance'],
      [acceptRoute.POST(req(`/api/cases/${ANY}/copies/${RUN}/accept`, 'POST', { reason: '  ' }), p({ id: ANY, copyId: RUN })), 'blank reason'],
      [acceptRoute.POST(req(`/api/cases/${ANY}/copies/${RUN}/accept`, 'POST', { reason: 'x'.repeat(2001) }), p({ id: ANY, copyId: RUN })), 'reason too long'],
    ];
    for (const [res, what] of bad) expect((await res).status, what).toBe(400);
  });
});

describe('the plan through the route', () => {
  it("gives a moderator the instance's options, the default first, and says evidence will be sealed first", async () => {
    session.actor = moderator;
    const res = await planRoute.GET(req(`/api/cases/${caseId}/purge/plan`), p({ id: caseId }));
    expect(res.status, await res.clone().text()).toBe(200);
    const plan: PurgePlan = await res.json();
    expect(plan.sealsFirst).toBe(true);
    expect(plan.instances.map((i) => i.instance.name)).toEqual([instanceName]);
    const row = plan.instances[0];
    expect(row.defaultOptionId).toBe(row.options.find((o) => o.unavailable === null)?.id);
    expect(row.options.map((o) => o.id)).toEqual(expect.arrayContaining(['suspend_delete_data', 'domain_reject_media']));
    expect((await planRoute.GET(req(`/api/cases/${ANY}/purge/plan`), p({ id: ANY }))).status).toBe(404);
  });
});

describe('accepting a copy as is through the route', () => {
  it('records the reason for a copy that could not be verified, once, and refuses a copy never checked', async () => {
    session.actor = moderator;
    const path = `/api/cases/${caseId}/copies/${copyId}/accept`;
    const early = await acceptRoute.POST(req(path, 'POST', { reason: 'Not checked yet' }), p({ id: caseId, copyId }));
    expect(early.status).toBe(400);
    await db.caseCopy.update({ where: { id: copyId }, data: { receiptVerdict: 'cannot_verify', receiptAt: new Date() } });
    const res = await acceptRoute.POST(req(path, 'POST', { reason: '  Held by a partner hotline for review  ' }), p({ id: caseId, copyId }));
    expect(res.status, await res.clone().text()).toBe(201);
    const { receiptId } = await res.json();
    const receipt = await db.purgeReceipt.findUniqueOrThrow({ where: { id: receiptId } });
    expect(receipt).toMatchObject({ copyId, verdict: 'accepted', reason: 'Held by a partner hotline for review', byId: moderator.id });
    expect((await db.caseCopy.findUniqueOrThrow({ where: { id: copyId } })).receiptVerdict).toBe('accepted');
    expect((await acceptRoute.POST(req(path, 'POST', { reason: 'again' }), p({ id: caseId, copyId }))).status).toBe(400);
    const event = await db.auditEvent.findFirst({ where: { action: 'case.copy_accepted', targetId: caseId } });
    expect(event?.details).toMatchObject({ receiptId, copyId });

    // The cases list carries the purge counts and the seal time for its Purge column.
    const { GET: listGet } = await import('@/app/api/cases/route');
    await db.case.update({ where: { id: caseId }, data: { sealedAt: new Date('2026-12-01T00:00:00Z') } });
    const list = await (await listGet(req('/api/cases?state=all'))).json();
    expect(list.items.find((c: { id: string }) => c.id === caseId)).toMatchObject({ removedCount: 1, stillServedCount: 0, sealedAt: '2026-12-01T00:00:00.000Z' });
  });
});
