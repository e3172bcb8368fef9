/**
 * The queue row's team data (thumbnail, tags, escalation, claim), loaded per page, and the tag / escalated filters
 * paging through exactly the matching reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Report } from '@/lib/generated/prisma/client';
import { listQueue } from '@/lib/queue/list-queue';
import type { QueueInput } from '@/lib/queue/queue-input';
import type { UserActor } from '@/lib/auth/current-actor';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';

let admin: UserActor;
let other: UserActor;
let limited: UserActor;
let instA: string;
let instB: string;
const reports: Report[] = [];
let n = 0;

async function mediaOn(reportId: string, instanceId: string, position: number, items: { preview: boolean }[]) {
  const status = await db.status.create({ data: { instanceId, remoteId: `st-${++n}` } });
  await db.reportStatusLink.create({ data: { reportId, statusId: status.id, position } });
  const out: string[] = [];
  for (const it of items) {
    const m = await db.media.create({
      data: {
        instanceId, statusId: status.id, remoteId: `md-${++n}`, type: 'image', url: 'https://example.test/x.png',
        state: 'done', previewKey: it.preview ? `media/${instanceId}/x/preview` : null, createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 1000),
      },
    });
    out.push(m.id);
  }
  return out;
}

beforeAll(async () => {
  const adminUser = await makeUser('admin');
  admin = actorFor(adminUser);
  const otherUser = await makeUser('moderator');
  other = actorFor(otherUser);
  const [a, b] = [await makeInstance('alpha'), await makeInstance('beta')];
  [instA, instB] = [a.id, b.id];
  limited = actorFor(await makeUser('moderator'), [instA]);
  const [ta, tb] = [await makeAccount(a.id), await makeAccount(b.id)];
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  for (let k = 0; k < 24; k++) {
    const inst = k % 2 ? b : a;
    reports.push(await makeReport({ instanceId: inst.id, targetId: k % 2 ? tb.id : ta.id, remoteCreatedAt: new Date(t0 + Math.floor(k / 3) * 60_000) }));
  }
  // Tags on every third report (and one resolved report the open queue must not show), escalations on every fourth
  // (plus a settled one that must not count).
  for (const [i, r] of reports.entries()) {
    if (i % 3 === 0) await db.subjectTag.create({ data: { subjectType: 'report', subjectKey: r.id, tag: 'brigade' } });
    if (i % 6 === 0) await db.subjectTag.create({ data: { subjectType: 'report', subjectKey: r.id, tag: 'alpha-wave' } });
    if (i % 4 === 0) await db.escalation.create({ data: { subjectType: 'report', subjectKey: r.id, reason: `look at ${i}`, raisedByLabel: 'Ana' } });
  }
  await db.escalation.create({ data: { subjectType: 'report', subjectKey: reports[1].id, reason: 'old', raisedByLabel: 'Bo', resolvedAt: new Date() } });
  // Tags on other subject types with a report-like key never leak into the filter.
  await db.subjectTag.create({ data: { subjectType: 'account', subjectKey: reports[1].id, tag: 'brigade' } });
  await db.subjectTag.create({ data: { subjectType: 'report', subjectKey: 'not-a-uuid', tag: 'brigade' } });
  await db.report.update({ where: { id: reports[3].id }, data: { status: 'resolved' } });

  const soon = new Date(Date.now() + 120_000);
  await db.softClaim.create({ data: { subjectType: 'report', subjectKey: reports[0].id, userId: otherUser.id, userLabel: 'Ana', expiresAt: soon } });
  await db.softClaim.create({ data: { subjectType: 'report', subjectKey: reports[2].id, userId: adminUser.id, userLabel: 'Me', expiresAt: soon } });
  await db.softClaim.create({ data: { subjectType: 'report', subjectKey: reports[4].id, userId: otherUser.id, userLabel: 'Gone', expiresAt: new Date(Date.now() - 1000) } });
});

async function collect(actor: UserActor, input: QueueInput): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listQueue({ ctx: { actor }, input: { ...input, instanceId: input.instanceId, cursor, limit: 3 } });
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not terminate');
}

const openIds = (pred: (r: Report, i: number) => boolean) => reports.filter((r, i) => i !== 3 && pred(r, i)).map((r) => r.id).sort();

describe('queue rows carry the team data', () => {
  it('thumbnail: the first media with a preview, by status position then media order', async () => {
    const r = reports[5];
    // Position 1 has a preview; position 0 has none, so the tile comes from the second status.
    await mediaOn(r.id, r.instanceId, 0, [{ preview: false }]);
    const [, second] = await mediaOn(r.id, r.instanceId, 1, [{ preview: false }, { preview: true }, { preview: true }]);
    const [first] = await mediaOn(reports[7].id, reports[7].instanceId, 0, [{ preview: true }]);
    const page = await listQueue({ ctx: { actor: admin }, input: { limit: 200 } });
    const byId = new Map(page.items.map((x) => [x.id, x]));
    expect(byId.get(r.id)?.thumbMediaId).toBe(second);
    expect(byId.get(reports[7].id)?.thumbMediaId).toBe(first);
    expect(byId.get(reports[6].id)?.thumbMediaId).toBeNull();
  });

  it('tags sorted, open escalation, live claims with mine relative to the viewer', async () => {
    const page = await listQueue({ ctx: { actor: admin }, input: { limit: 200 } });
    const byId = new Map(page.items.map((x) => [x.id, x]));
    expect(byId.get(reports[0].id)?.tags).toEqual(['alpha-wave', 'brigade']);
    expect(byId.get(reports[3 * 3].id)?.tags).toEqual(['brigade']);
    expect(byId.get(reports[1].id)?.tags).toEqual([]);
    expect(byId.get(reports[8].id)?.escalation).toEqual({ reason: 'look at 8', raisedBy: 'Ana' });
    expect(byId.get(reports[1].id)?.escalation).toBeNull();
    expect(byId.get(reports[0].id)?.claim).toMatchObject({ label: 'Ana', mine: false });
    expect(byId.get(reports[2].id)?.claim).toMatchObject({ label: 'Me', mine: true });
    expect(byId.get(reports[4].id)?.claim).toBeNull();
    const seenByOther = await listQueue({ ctx: { actor: other }, input: { limit: 200 } });
    expect(seenByOther.items.find((x) => x.id === reports[0].id)?.claim?.mine).toBe(true);
  });

  it('a row that stands for a case shows the case claim when nobody holds the report', async () => {
    const c = await db.case.create({ data: { title: 'c', openedVia: 'test', openedByLabel: 'test' } });
    const [r1, r2] = [reports[10], reports[11]];
    await db.caseReport.createMany({ data: [{ caseId: c.id, reportId: r1.id }, { caseId: c.id, reportId: r2.id }] });
    await db.softClaim.create({ data: { subjectType: 'case', subjectKey: c.id, userId: other.id, userLabel: 'Case Holder', expiresAt: new Date(Date.now() + 60_000) } });
    const page = await listQueue({ ctx: { actor: admin }, input: { limit: 200 } });
    const row = page.items.find((x) => x.case?.id === c.id);
    expect(row?.claim).toMatchObject({ label: 'Case Holder', mine: false });
    await db.caseReport.deleteMany({ where: { caseId: c.id } });
  });
});

describe('tag and escalated filters', () => {
  it('tag pages through exactly the tagged open reports', async () => {
    expect((await collect(admin, { tag: 'brigade', instanceId: undefined })).sort()).toEqual(openIds((_, i) => i % 3 === 0));
    expect((await collect(admin, { tag: 'BRIGADE', sort: 'oldest' })).sort()).toEqual(openIds((_, i) => i % 3 === 0));
    expect((await collect(admin, { tag: 'alpha-wave', sort: 'priority' })).sort()).toEqual(openIds((_, i) => i % 6 === 0));
    expect(await collect(admin, { tag: 'nobody-uses-this' })).toEqual([]);
  });

  it('escalated pages through exactly the reports with an open escalation, and combines with tag', async () => {
    expect((await collect(admin, { escalated: true })).sort()).toEqual(openIds((_, i) => i % 4 === 0));
    expect((await collect(admin, { escalated: '1' })).sort()).toEqual(openIds((_, i) => i % 4 === 0));
    expect((await collect(admin, { escalated: false })).sort()).toEqual(openIds((_, i) => i % 4 !== 0));
    expect((await collect(admin, { escalated: true, tag: 'brigade' })).sort()).toEqual(openIds((_, i) => i % 12 === 0));
  });

  it('a limited moderator filtered by tag still sees only their instances', async () => {
    const ids = await collect(limited, { tag: 'brigade' });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.sort()).toEqual(openIds((r, i) => i % 3 === 0 && r.instanceId === instA));
    expect(ids.every((id) => reports.find((r) => r.id === id)?.instanceId !== instB)).toBe(true);
  });
});
