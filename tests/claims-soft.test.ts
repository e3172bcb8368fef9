/**
 * Soft claims against a real database: one holder when two moderators claim at the same moment, an expired claim is
 * taken over, only the holder releases, viewers only read, and nobody learns about a subject they cannot see.
 * The routes run with a session stub that applies the real role rule.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { claimSubject } from '@/lib/claims/claim-subject';
import { claimsFor } from '@/lib/claims/claims-for';
import { releaseClaim } from '@/lib/claims/release-claim';
import { claimText, sinceText } from '@/components/claims/claim-text';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const claimsRoute = await import('@/app/api/claims/route');
const releaseRoute = await import('@/app/api/claims/release/route');

let ana: UserActor;
let ben: UserActor;
let viewer: UserActor;
let limited: UserActor;
let reportA: string;
let reportB: string;
let caseOnB: string;

beforeAll(async () => {
  const [a, b] = [await makeInstance('claims-a'), await makeInstance('claims-b')];
  const anaUser = await db.user.update({ where: { id: (await makeUser('moderator')).id }, data: { name: 'Ana' } });
  ana = actorFor(anaUser);
  ben = actorFor(await makeUser('moderator'));
  viewer = actorFor(await makeUser('viewer'));
  limited = actorFor(await makeUser('moderator'), [a.id]);
  reportA = (await makeReport({ instanceId: a.id, targetId: (await makeAccount(a.id)).id })).id;
  const rB = await makeReport({ instanceId: b.id, targetId: (await makeAccount(b.id)).id });
  reportB = rB.id;
  const c = await db.case.create({ data: { title: 'claims case', openedVia: 'cli', openedByLabel: 'test' } });
  await db.caseReport.create({ data: { caseId: c.id, reportId: rB.id } });
  caseOnB = c.id;
});

beforeEach(async () => {
  await db.softClaim.deleteMany({});
});

const subject = (subjectKey: string, subjectType: 'report' | 'case' = 'report') => ({ subjectType, subjectKey });

describe('claimSubject', () => {
  it('gives exactly one holder when two moderators claim at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      await db.softClaim.deleteMany({});
      const [x, y] = await Promise.all([
        claimSubject({ ctx: { actor: ana }, input: subject(reportA) }),
        claimSubject({ ctx: { actor: ben }, input: subject(reportA) }),
      ]);
      expect(x.claim?.userId).toBe(y.claim?.userId);
      expect([x.claim?.mine, y.claim?.mine].filter(Boolean)).toHaveLength(1);
      expect(await db.softClaim.count()).toBe(1);
    }
  });

  it('tells the second moderator who holds it, and renews the holder without resetting "since"', async () => {
    const first = await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    expect(first.claim).toMatchObject({ userId: ana.id, label: 'Ana', mine: true });
    const other = await claimSubject({ ctx: { actor: ben }, input: subject(reportA) });
    expect(other.claim).toMatchObject({ userId: ana.id, label: 'Ana', mine: false });
    await new Promise((r) => setTimeout(r, 20));
    const again = await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    expect(again.claim?.claimedAt).toBe(first.claim?.claimedAt);
    expect(new Date(again.claim!.expiresAt).getTime()).toBeGreaterThan(new Date(first.claim!.expiresAt).getTime());
    expect(new Date(again.claim!.expiresAt).getTime() - Date.now()).toBeGreaterThan(100_000);
  });

  it('lets a colleague take over a claim past its expiry', async () => {
    await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    await db.softClaim.updateMany({ data: { expiresAt: new Date(Date.now() - 1000), claimedAt: new Date(Date.now() - 600_000) } });
    const out = await claimSubject({ ctx: { actor: ben }, input: subject(reportA) });
    expect(out.claim).toMatchObject({ userId: ben.id, mine: true });
    expect(Date.now() - new Date(out.claim!.claimedAt).getTime()).toBeLessThan(60_000);
    const map = await claimsFor({ actor: ana }, 'report', [reportA]);
    expect(map.get(reportA)).toEqual({ userId: ben.id, label: expect.any(String), mine: false });
  });

  it('lets a viewer read the holder without claiming', async () => {
    expect((await claimSubject({ ctx: { actor: viewer }, input: subject(reportA) })).claim).toBeNull();
    expect(await db.softClaim.count()).toBe(0);
    await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    expect((await claimSubject({ ctx: { actor: viewer }, input: subject(reportA) })).claim).toMatchObject({ userId: ana.id, mine: false });
  });

  it('claims cases too, and hides reports and cases of instances the moderator cannot see', async () => {
    expect((await claimSubject({ ctx: { actor: ana }, input: subject(caseOnB, 'case') })).claim?.mine).toBe(true);
    await expect(claimSubject({ ctx: { actor: limited }, input: subject(reportB) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(claimSubject({ ctx: { actor: limited }, input: subject(caseOnB, 'case') })).rejects.toMatchObject({ code: 'not_found' });
    await expect(claimSubject({ ctx: { actor: ana }, input: subject('00000000-0000-4000-8000-000000000001') })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses junk subjects with a clear 400', async () => {
    await expect(claimSubject({ ctx: { actor: ana }, input: { subjectType: 'account', subjectKey: reportA } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Claims are for reports and cases.' });
    await expect(claimSubject({ ctx: { actor: ana }, input: { subjectType: 'report', subjectKey: 'nope' } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('releaseClaim and claimsFor', () => {
  it('releases only the holder\'s own claim', async () => {
    await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    expect(await releaseClaim({ ctx: { actor: ben }, input: subject(reportA) })).toEqual({ released: false });
    expect(await db.softClaim.count()).toBe(1);
    expect(await releaseClaim({ ctx: { actor: ana }, input: subject(reportA) })).toEqual({ released: true });
    expect(await db.softClaim.count()).toBe(0);
  });

  it('returns live claims only, with mine relative to the viewer', async () => {
    await claimSubject({ ctx: { actor: ana }, input: subject(reportA) });
    await claimSubject({ ctx: { actor: ben }, input: subject(reportB) });
    await claimSubject({ ctx: { actor: ben }, input: subject(caseOnB, 'case') });
    await db.softClaim.updateMany({ where: { subjectKey: reportB }, data: { expiresAt: new Date(Date.now() - 1) } });
    const map = await claimsFor({ actor: ana }, 'report', [reportA, reportB, reportA]);
    expect([...map.keys()]).toEqual([reportA]);
    expect(map.get(reportA)).toEqual({ userId: ana.id, label: 'Ana', mine: true });
    expect((await claimsFor({ actor: ana }, 'case', [caseOnB])).get(caseOnB)?.mine).toBe(false);
    expect((await claimsFor({ actor: ana }, 'report', [])).size).toBe(0);
  });
});

describe('claim routes', () => {
  it('claims, lists, and releases over the routes (sendBeacon\'s POST too)', async () => {
    session.actor = ana;
    const res = await claimsRoute.POST(jsonRequest('/api/claims', 'POST', subject(reportA)));
    expect(res.status).toBe(200);
    expect((await res.json()).claim).toMatchObject({ mine: true, label: 'Ana' });
    session.actor = ben;
    const list = await claimsRoute.GET(jsonRequest(`/api/claims?subjectType=report&keys=${reportA},${reportB}`));
    expect(await list.json()).toEqual({ claims: { [reportA]: expect.objectContaining({ userId: ana.id, mine: false }) } });
    session.actor = ana;
    expect(await (await releaseRoute.POST(jsonRequest('/api/claims/release', 'POST', subject(reportA)))).json()).toEqual({ released: true });
    await claimsRoute.POST(jsonRequest('/api/claims', 'POST', subject(reportA)));
    expect(await (await claimsRoute.DELETE(jsonRequest('/api/claims', 'DELETE', subject(reportA)))).json()).toEqual({ released: true });
  });

  it('answers 401 without a session and 400 for bad input; limited moderators do not see other instances\' claims', async () => {
    session.actor = null;
    expect((await claimsRoute.POST(jsonRequest('/api/claims', 'POST', subject(reportA)))).status).toBe(401);
    session.actor = ana;
    expect((await claimsRoute.POST(jsonRequest('/api/claims', 'POST', { subjectType: 'report' }))).status).toBe(400);
    expect((await claimsRoute.GET(jsonRequest('/api/claims?subjectType=report&keys=x'))).status).toBe(400);
    expect((await claimsRoute.GET(jsonRequest('/api/claims?subjectType=domain&keys='))).status).toBe(400);
    await claimsRoute.POST(jsonRequest('/api/claims', 'POST', subject(reportB)));
    session.actor = limited;
    expect(await (await claimsRoute.GET(jsonRequest(`/api/claims?subjectType=report&keys=${reportB}`))).json()).toEqual({ claims: {} });
    expect((await claimsRoute.POST(jsonRequest('/api/claims', 'POST', subject(reportB)))).status).toBe(404);
  });
});

describe('claim words', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('says how long a colleague has been on it', () => {
    expect(sinceText('2026-01-01T11:59:30Z', now)).toBe('since just now');
    expect(sinceText('2026-01-01T11:58:00Z', now)).toBe('since 2 min');
    expect(sinceText('2026-01-01T10:45:00Z', now)).toBe('since 1 h 15 min');
    const view = { userId: 'u', label: 'Ana', mine: false, claimedAt: '2026-01-01T11:58:00Z', expiresAt: '' };
    expect(claimText(view, 'report', now)).toContain('Ana is working on this report (since 2 min)');
    expect(claimText({ ...view, mine: true }, 'case', now)).toMatch(/^You are working on this case/);
  });
});
