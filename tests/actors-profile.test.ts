/**
 * The account and domain pages' data against a real database: the same remote account on three instances
 * (suspended on one, nothing on another, never seen on the third), what a limited moderator may see, the
 * report page's "elsewhere" states, a domain blocked from here, bad handles, and who may call the routes.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { getAccountProfile } from '@/lib/actors/get-account-profile';
import { getAccountStates } from '@/lib/actors/get-account-states';
import { getDomainProfile } from '@/lib/actors/get-domain-profile';
import { actorFor, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueAction: vi.fn(async () => {}) }));

const accountRoute = await import('@/app/api/accounts/[handle]/route');
const statesRoute = await import('@/app/api/accounts/[handle]/states/route');
const applyRoute = await import('@/app/api/accounts/[handle]/apply/route');
const domainRoute = await import('@/app/api/domains/[domain]/route');
const domainApplyRoute = await import('@/app/api/domains/[domain]/apply/route');

const HANDLE = 'alice@remote.example';
let A: { id: string }, B: { id: string }, C: { id: string };
let admin: UserActor, viewer: UserActor, limitedB: UserActor;
let reportOnB: string;
let reportOnA: string;

beforeAll(async () => {
  [A, B, C] = [await makeInstance('actors-a'), await makeInstance('actors-b'), await makeInstance('actors-c')];
  admin = actorFor(await makeUser('admin'));
  viewer = actorFor(await makeUser('viewer'));
  limitedB = actorFor(await makeUser('moderator'), [B.id]);
  const onA = await db.account.create({ data: { instanceId: A.id, remoteId: 'a-1', username: 'Alice', acct: 'Alice@remote.example', domain: 'Remote.Example', displayName: 'Alice A', suspended: true } });
  const onB = await db.account.create({ data: { instanceId: B.id, remoteId: 'b-7', username: 'alice', acct: 'alice@remote.example', domain: 'remote.example', displayName: 'Alice B' } });
  // Someone else with the same username on another domain is not her.
  const other = await db.account.create({ data: { instanceId: C.id, remoteId: 'c-9', username: 'alice', acct: 'alice@elsewhere.example', domain: 'elsewhere.example' } });
  reportOnA = (await makeReport({ instanceId: A.id, targetId: onA.id, comment: 'secret comment on A' })).id;
  reportOnB = (await makeReport({ instanceId: B.id, targetId: onB.id, comment: 'spam from alice' })).id;
  await makeReport({ instanceId: C.id, targetId: other.id, comment: 'not her' });
  const status = (await makeMediaForReport(reportOnA, A.id)).status;
  await db.status.update({ where: { id: status.id }, data: { accountId: onA.id } });
  const kase = await db.case.create({ data: { title: 'from alice', openedVia: 'report', openedByLabel: 'test' } });
  await db.caseReport.create({ data: { caseId: kase.id, reportId: reportOnA } });
  // A confirmed domain block on C makes her "blocked" there even though C never showed us her account.
  await db.action.create({ data: { instanceId: C.id, kind: 'domain.block', status: 'done', finishedAt: new Date(), payload: { kind: 'domain.block', domain: 'remote.example', severity: 'suspend', rejectMedia: true, rejectReports: false, obfuscate: false } } });
});

const byInstance = <T extends { instance: { id: string } }>(rows: T[], id: string) => rows.find((r) => r.instance.id === id);

describe('getAccountProfile', () => {
  it('gathers her state on each instance, reports, posts with media and cases', async () => {
    const p = await getAccountProfile({ ctx: { actor: admin }, input: { handle: '@Alice@Remote.Example' } });
    expect(p.handle).toBe(HANDLE);
    expect(byInstance(p.states, A.id)).toMatchObject({ state: 'suspended', remoteId: 'a-1' });
    expect(byInstance(p.states, B.id)).toMatchObject({ state: 'nothing', remoteId: 'b-7' });
    expect(byInstance(p.states, C.id)).toMatchObject({ state: 'blocked', accountId: null, remoteId: null, domainBlocked: true });
    expect(p.reports.map((r) => r.id).sort()).toEqual([reportOnA, reportOnB].sort());
    expect(p.reports.every((r) => r.targetHandle === HANDLE)).toBe(true);
    expect(p.posts).toHaveLength(1);
    expect(p.posts[0].excerpt).not.toContain('<');
    expect(p.posts[0].media[0].hasPreview).toBe(true);
    expect(p.cases.map((c) => c.title)).toEqual(['from alice']);
    expect(p.canAct).toBe(true);
  });

  it('says unknown where an instance never showed us the account', async () => {
    const p = await getAccountProfile({ ctx: { actor: admin }, input: { handle: 'nobody@remote2.example' } });
    expect(p.states.every((s) => s.state === 'unknown')).toBe(true);
    expect(p.reports).toEqual([]);
  });

  it('the report page on B learns she is suspended on A', async () => {
    const out = await getAccountStates({ ctx: { actor: viewer }, input: { handle: HANDLE } });
    const elsewhere = out.states.filter((s) => s.instance.id !== B.id);
    expect(elsewhere.find((s) => s.instance.id === A.id)?.state).toBe('suspended');
  });

  it('a moderator limited to B never sees A or C, its reports, posts or cases', async () => {
    const p = await getAccountProfile({ ctx: { actor: limitedB }, input: { handle: HANDLE } });
    expect(p.states.map((s) => s.instance.id)).toEqual([B.id]);
    expect(p.reports.map((r) => r.id)).toEqual([reportOnB]);
    expect(JSON.stringify(p)).not.toContain('secret comment on A');
    expect(p.posts).toEqual([]);
    expect(p.cases).toEqual([]);
    const d = await getDomainProfile({ ctx: { actor: limitedB }, input: { domain: 'remote.example' } });
    expect(d.instances.map((i) => i.instance.id)).toEqual([B.id]);
  });

  it('refuses a bad handle as bad_request', async () => {
    for (const bad of ['alice', '@remote.example', 'a b@x.example', 'alice@', 'alice@-x-.example', 'x'.repeat(500)]) {
      await expect(getAccountProfile({ ctx: { actor: admin }, input: { handle: bad } }), bad).rejects.toMatchObject({ code: 'bad_request' });
    }
  });
});

describe('getDomainProfile', () => {
  it('shows where the domain is blocked and how many of its accounts each instance knows', async () => {
    const d = await getDomainProfile({ ctx: { actor: admin }, input: { domain: 'REMOTE.example.' } });
    expect(d.domain).toBe('remote.example');
    expect(byInstance(d.instances, C.id)).toMatchObject({ blocked: true, severity: 'suspend', knownAccounts: 0 });
    expect(byInstance(d.instances, A.id)).toMatchObject({ blocked: false, knownAccounts: 1 });
    expect(d.openReports.map((r) => r.id).sort()).toEqual([reportOnA, reportOnB].sort());
    expect(d.cases.map((c) => c.title)).toEqual(['from alice']);
  });
});

describe('the routes', () => {
  const enc = encodeURIComponent(HANDLE);
  it('answers 401 without a session and lets a viewer read', async () => {
    session.actor = null;
    expect((await accountRoute.GET(jsonRequest(`/api/accounts/${enc}`), routeParams({ handle: enc }))).status).toBe(401);
    session.actor = viewer;
    const res = await accountRoute.GET(jsonRequest(`/api/accounts/${enc}`), routeParams({ handle: enc }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { handle: string }).handle).toBe(HANDLE);
    const states = await statesRoute.GET(jsonRequest(`/api/accounts/${enc}/states`), routeParams({ handle: HANDLE }));
    expect(((await states.json()) as { states: unknown[] }).states).toHaveLength(3);
    expect((await domainRoute.GET(jsonRequest('/api/domains/remote.example'), routeParams({ domain: 'remote.example' }))).status).toBe(200);
  });

  it('answers a clear 400 for a bad handle or domain', async () => {
    session.actor = viewer;
    const res = await accountRoute.GET(jsonRequest('/api/accounts/not-a-handle'), routeParams({ handle: 'not-a-handle' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Give the account as user@domain.');
    expect((await accountRoute.GET(jsonRequest('/api/accounts/%E0%A4%A'), routeParams({ handle: '%E0%A4%A' }))).status).toBe(400);
    expect((await domainRoute.GET(jsonRequest('/api/domains/x_y'), routeParams({ domain: 'x_y' }))).status).toBe(400);
  });

  it('refuses apply to a viewer, and junk bodies with 400', async () => {
    session.actor = viewer;
    const body = { action: { kind: 'account.action', type: 'suspend' } };
    expect((await applyRoute.POST(jsonRequest(`/api/accounts/${enc}/apply`, 'POST', body), routeParams({ handle: enc }))).status).toBe(403);
    expect((await domainApplyRoute.POST(jsonRequest('/api/domains/remote.example/apply', 'POST', { action: { kind: 'domain.block', severity: 'suspend' } }), routeParams({ domain: 'remote.example' }))).status).toBe(403);
    session.actor = admin;
    expect((await applyRoute.POST(jsonRequest(`/api/accounts/${enc}/apply`, 'POST', { action: { kind: 'account.action', type: 'delete' } }), routeParams({ handle: enc }))).status).toBe(400);
    expect((await applyRoute.POST(jsonRequest(`/api/accounts/${enc}/apply`, 'POST', '{nope'), routeParams({ handle: enc }))).status).toBe(400);
    expect((await domainApplyRoute.POST(jsonRequest('/api/domains/remote.example/apply', 'POST', body), routeParams({ domain: 'remote.example' }))).status).toBe(400);
  });

  it('a preview writes nothing and gives a reason for every skipped instance', async () => {
    session.actor = admin;
    const before = await db.action.count();
    const res = await applyRoute.POST(jsonRequest(`/api/accounts/${enc}/apply`, 'POST', { action: { kind: 'account.action', type: 'suspend' }, preview: true }), routeParams({ handle: enc }));
    expect(res.status).toBe(200);
    const out = (await res.json()) as { preview: boolean; results: { instanceId: string; outcome: string; reason?: string }[] };
    expect(out.preview).toBe(true);
    expect(out.results.find((r) => r.instanceId === A.id)).toMatchObject({ outcome: 'skipped', reason: 'already suspended' });
    expect(out.results.find((r) => r.instanceId === B.id)).toMatchObject({ outcome: 'queued' });
    expect(out.results.find((r) => r.instanceId === C.id)).toMatchObject({ outcome: 'skipped' });
    expect(await db.action.count()).toBe(before);
  });

  it('a limited moderator acts on their instance only and never hears of the others', async () => {
    session.actor = limitedB;
    await db.user.upsert({ where: { id: limitedB.id }, create: { id: limitedB.id, email: limitedB.email, role: 'moderator', passwordHash: 'x' }, update: {} });
    const res = await applyRoute.POST(jsonRequest(`/api/accounts/${enc}/apply`, 'POST', { action: { kind: 'account.action', type: 'silence' }, instanceIds: [A.id, B.id] }), routeParams({ handle: enc }));
    expect(res.status).toBe(201);
    const out = (await res.json()) as { results: { instanceId: string; outcome: string; actionId?: string }[] };
    expect(out.results.map((r) => r.instanceId)).toEqual([B.id]);
    const action = await db.action.findUniqueOrThrow({ where: { id: out.results[0].actionId! } });
    expect(action).toMatchObject({ instanceId: B.id, kind: 'account.action', reportId: reportOnB, status: 'pending' });
    expect(action.payload).toMatchObject({ accountId: 'b-7', type: 'silence', notify: false });
    const events = await db.auditEvent.findMany({ where: { action: { in: ['account.apply_everywhere.requested', 'account.action.requested'] } } });
    expect(events.map((e) => e.action).sort()).toEqual(['account.action.requested', 'account.apply_everywhere.requested']);
  });
});
