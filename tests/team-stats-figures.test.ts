/**
 * The leads' dashboard figures over seeded rows in a real database: decisions per moderator per day, automated
 * versus manual work, median and p90 time to first action, reports per day, backlog per instance; instance limits;
 * and the route is for admins only.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { recordEvent } from '@/lib/audit/record-event';
import { db } from '@/lib/db';
import { periodDays } from '@/lib/team-stats/days';
import { teamStats } from '@/lib/team-stats/team-stats';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const statsRoute = await import('@/app/api/team/stats/route');

const realNow = new Date();
const day0 = Date.UTC(realNow.getUTCFullYear(), realNow.getUTCMonth(), realNow.getUTCDate());
/** Noon today (UTC): the period is counted back from here. */
const now = new Date(day0 + 12 * 3600_000);
const at = (daysAgo: number, hour: number) => new Date(day0 - daysAgo * 86_400_000 + hour * 3600_000);
const today = periodDays(1, now).dayList[0];
const yesterday = new Date(day0 - 86_400_000).toISOString().slice(0, 10);

let admin: UserActor;
let limitedAdmin: UserActor;
let ana: { id: string };
let ben: { id: string };
let instA: string;
let instB: string;
let oldOpenOnB: Date;

async function action(s: { instanceId: string; reportId?: string | null; kind: string; status: 'done' | 'failed' | 'cancelled' | 'pending'; by: string | null; createdAt: Date; finishedAt?: Date | null }) {
  await db.action.create({
    data: {
      instanceId: s.instanceId, reportId: s.reportId ?? null, kind: s.kind, payload: {}, status: s.status, requestedById: s.by,
      createdAt: s.createdAt, finishedAt: s.finishedAt === undefined ? (s.status === 'done' ? s.createdAt : null) : s.finishedAt,
    },
  });
}

beforeAll(async () => {
  const [a, b] = [await makeInstance('stats-a'), await makeInstance('stats-b')];
  [instA, instB] = [a.id, b.id];
  admin = actorFor(await makeUser('admin'));
  limitedAdmin = actorFor(await makeUser('admin'), [instA]);
  ana = await db.user.update({ where: { id: (await makeUser('moderator')).id }, data: { name: 'Ana' } });
  ben = await db.user.update({ where: { id: (await makeUser('moderator')).id }, data: { name: 'Ben' } });
  const tA = (await makeAccount(instA)).id;
  const tB = (await makeAccount(instB)).id;
  const r1 = await makeReport({ instanceId: instA, targetId: tA, remoteCreatedAt: at(0, 8) });
  const r2 = await makeReport({ instanceId: instA, targetId: tA, status: 'resolved', remoteCreatedAt: at(1, 9) });
  const r3 = await makeReport({ instanceId: instB, targetId: tB, remoteCreatedAt: at(0, 6) });
  oldOpenOnB = at(100, 0);
  await makeReport({ instanceId: instB, targetId: tB, remoteCreatedAt: oldOpenOnB });

  // An undone resolve comes first on r1: withdrawn, it is neither work nor a response.
  await action({ instanceId: instA, reportId: r1.id, kind: 'report.resolve', status: 'cancelled', by: ben.id, createdAt: at(0, 9) });
  await action({ instanceId: instA, reportId: r1.id, kind: 'report.resolve', status: 'done', by: ana.id, createdAt: at(0, 10) });
  await action({ instanceId: instA, reportId: r1.id, kind: 'account.action', status: 'done', by: ana.id, createdAt: at(0, 11) });
  await action({ instanceId: instA, reportId: r2.id, kind: 'report.resolve', status: 'done', by: ana.id, createdAt: at(1, 10) });
  await action({ instanceId: instA, reportId: r2.id, kind: 'report.assign_to_self', status: 'done', by: ben.id, createdAt: at(1, 11) });
  await action({ instanceId: instA, reportId: r2.id, kind: 'report.note', status: 'failed', by: ben.id, createdAt: at(0, 7) });
  await action({ instanceId: instB, reportId: r3.id, kind: 'status.purge', status: 'done', by: null, createdAt: at(0, 11) });
  // Outside the 7-day period.
  await action({ instanceId: instA, reportId: null, kind: 'report.resolve', status: 'done', by: ana.id, createdAt: at(20, 10) });

  await db.$transaction(async (tx) => {
    await recordEvent(tx, { actor: { type: 'system', label: 'auto-case' }, action: 'case.opened', targetType: 'case', targetId: 'c1', instanceId: instB, details: {} });
    await recordEvent(tx, { actor: admin, action: 'case.opened', targetType: 'case', targetId: 'c2', instanceId: instA, details: {} });
  });
});

describe('teamStats', () => {
  it('counts decisions per moderator per day (done actions people asked for, closes among them)', async () => {
    const s = await teamStats({ ctx: { actor: admin }, input: { days: 7 }, now });
    expect(s.dayList).toHaveLength(7);
    expect(s.dayList.at(-1)).toBe(today);
    const [first, second] = s.decisions.moderators;
    expect(first).toMatchObject({ userId: ana.id, label: 'Ana', total: 3, resolves: 2 });
    expect(first.perDay.slice(-2)).toEqual([1, 2]);
    expect(first.perDay.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(second).toMatchObject({ userId: ben.id, label: 'Ben', total: 1, resolves: 0 });
    expect(s.decisions.perDay.find((d) => d.day === yesterday)).toEqual({ day: yesterday, decisions: 2, resolves: 1 });
    expect(s.decisions.moderators).toHaveLength(2);
    const longer = await teamStats({ ctx: { actor: admin }, input: { days: 30 }, now });
    expect(longer.decisions.moderators[0]).toMatchObject({ userId: ana.id, total: 4 });
  });

  it('separates automated from manual work (jobs\' actions and system-opened cases)', async () => {
    const s = await teamStats({ ctx: { actor: admin }, input: { days: 7 }, now });
    // Manual: 5 actions asked by people that were not withdrawn, plus the case an admin opened. Automated: the
    // purge step and the case the system opened.
    expect(s.autoManual.manual).toBe(6);
    expect(s.autoManual.automated).toBe(2);
    expect(s.autoManual.perDay.find((d) => d.day === yesterday)).toEqual({ day: yesterday, automated: 0, manual: 2 });
  });

  it('gives the median and p90 time from report to first action', async () => {
    const s = await teamStats({ ctx: { actor: admin }, input: { days: 7 }, now });
    // r2: 1 h, r1: 2 h (the withdrawn 1 h resolve does not count), r3: 5 h.
    expect(s.firstAction.count).toBe(3);
    expect(s.firstAction.medianSeconds).toBe(7200);
    expect(s.firstAction.p90Seconds).toBeCloseTo(15_840);
    expect(s.firstAction.perDay.find((d) => d.day === yesterday)).toMatchObject({ count: 1, medianSeconds: 3600 });
    expect(s.firstAction.perDay[0]).toMatchObject({ count: 0, medianSeconds: null });
  });

  it('counts reports per day and the backlog per instance', async () => {
    const s = await teamStats({ ctx: { actor: admin }, input: { days: 7 }, now });
    expect(s.received.find((d) => d.day === today)?.received).toBe(2);
    expect(s.received.find((d) => d.day === yesterday)?.received).toBe(1);
    expect(s.received.reduce((n, d) => n + d.received, 0)).toBe(3);
    const b = s.perInstance.find((p) => p.instanceId === instB)!;
    expect(b).toMatchObject({ open: 2, kind: 'mastodon' });
    expect(b.oldestOpenAt).toBe(oldOpenOnB.toISOString());
    expect(s.perInstance.find((p) => p.instanceId === instA)).toMatchObject({ open: 1, oldestOpenAt: at(0, 8).toISOString() });
  });

  it('limits every figure to the instances the actor sees', async () => {
    const s = await teamStats({ ctx: { actor: limitedAdmin }, input: { days: 7 }, now });
    expect(s.perInstance.map((p) => p.instanceId)).toEqual([instA]);
    expect(s.firstAction).toMatchObject({ count: 2, medianSeconds: 5400 });
    expect(s.autoManual).toMatchObject({ automated: 0, manual: 6 });
    expect(s.received.reduce((n, d) => n + d.received, 0)).toBe(2);
  });

  it('is for admins only and refuses an unknown period', async () => {
    await expect(teamStats({ ctx: { actor: actorFor(await makeUser('moderator')) }, input: { days: 7 } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(teamStats({ ctx: { actor: admin }, input: { days: 5 } })).rejects.toMatchObject({ code: 'bad_request', userMessage: 'Choose 7, 30 or 90 days.' });
  });
});

describe('GET /api/team/stats', () => {
  it('answers admins, refuses viewers and moderators, and says what is wrong with a bad period', async () => {
    session.actor = null;
    expect((await statsRoute.GET(jsonRequest('/api/team/stats'))).status).toBe(401);
    session.actor = actorFor(await makeUser('viewer'));
    expect((await statsRoute.GET(jsonRequest('/api/team/stats'))).status).toBe(403);
    session.actor = actorFor(await makeUser('moderator'));
    expect((await statsRoute.GET(jsonRequest('/api/team/stats?days=7'))).status).toBe(403);
    session.actor = admin;
    const ok = await statsRoute.GET(jsonRequest('/api/team/stats'));
    expect(ok.status).toBe(200);
    expect((await ok.json()).dayList).toHaveLength(30);
    const bad = await statsRoute.GET(jsonRequest('/api/team/stats?days=abc'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('Choose 7, 30 or 90 days.');
  });
});

describe('periodDays', () => {
  it('ends with today (UTC) and steps one day at a time', () => {
    const { since, dayList } = periodDays(3, new Date('2026-03-01T01:00:00Z'));
    expect(dayList).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(since.toISOString()).toBe('2026-02-27T00:00:00.000Z');
  });
});
