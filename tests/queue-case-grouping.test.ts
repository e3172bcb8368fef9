/**
 * Queue dedup by case (issue 9 point 5): reports of one open case show as one row ("3 reports on 3 instances"),
 * keyset paging stays exact although rows are dropped (the cursor is the last RAW row), an instance filter lists
 * every report, and the browser's live list keeps one row per case across pages and refreshes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { UserActor } from '@/lib/auth/current-actor';
import { listQueue } from '@/lib/queue/list-queue';
import { dropShownCases, groupByCase } from '@/lib/queue/group-by-case';
import type { QueueInput } from '@/lib/queue/queue-input';
import type { QueueRow } from '@/lib/queue/types';
import { diffLive, mergeShowNew } from '@/components/queue/live-diff';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';

let mod: UserActor;
let caseId: string;
const inCase: Report[] = [];
const others: Report[] = [];
let instIds: string[] = [];

beforeAll(async () => {
  mod = actorFor(await makeUser('moderator'));
  const insts = [await makeInstance('g-one'), await makeInstance('g-two'), await makeInstance('g-three')];
  instIds = insts.map((i) => i.id);
  const t0 = Date.parse('2026-05-01T00:00:00Z');
  let k = 0;
  // Newest first: the case's reports sit at raw positions 0, 1 and 5, so with pages of 2 the first page is all case.
  for (const [i, linked] of [[0, true], [1, true], [2, false], [0, false], [1, false], [2, true], [0, false], [1, false]] as const) {
    const r = await makeReport({ instanceId: insts[i].id, targetId: (await makeAccount(insts[i].id)).id, remoteCreatedAt: new Date(t0 - k++ * 60_000) });
    (linked ? inCase : others).push(r);
  }
  const c = await db.case.create({ data: { title: 'Synthetic grouped item', openedVia: 'report', openedByLabel: 'test', severity: 5, label: 'csam' } });
  caseId = c.id;
  await db.caseReport.createMany({ data: inCase.map((r) => ({ caseId, reportId: r.id })) });
  // A closed case groups nothing: its report is listed on its own, without a badge.
  const closed = await db.case.create({ data: { title: 'Closed', openedVia: 'report', openedByLabel: 'test', state: 'closed' } });
  await db.caseReport.create({ data: { caseId: closed.id, reportId: others[0].id } });
});

async function pages(input: QueueInput, limit: number): Promise<QueueRow[][]> {
  const out: QueueRow[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 50; n++) {
    const page = await listQueue({ ctx: { actor: mod }, input: { ...input, cursor, limit } });
    out.push(page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not terminate');
}

describe('queue grouped by case', () => {
  it('shows one row per open case with its report and instance counts, on every page size', async () => {
    for (const limit of [1, 2, 3, 50]) {
      const all = await pages({}, limit);
      const ids = all.flat().map((r) => r.id);
      // No report twice, every unrelated report once, and the case's reports only on their first row.
      expect(new Set(ids).size, `limit ${limit}`).toBe(ids.length);
      for (const r of others) expect(ids, `limit ${limit}`).toContain(r.id);
      const seen = dropShownCases([], all.flat());
      expect(seen.filter((r) => r.case?.id === caseId).map((r) => r.id), `limit ${limit}`).toEqual([inCase[0].id]);
      for (const page of all) expect(page.filter((r) => r.case?.id === caseId).length).toBeLessThanOrEqual(1);
    }
    const [first] = (await pages({}, 50))[0];
    expect(first.case).toMatchObject({ id: caseId, reports: 3, instances: 3, label: 'csam', severity: 5 });
    const closedRow = (await pages({}, 50)).flat().find((r) => r.id === others[0].id);
    expect(closedRow?.case).toBeNull();
  });

  it('keeps the cursor on the last raw row: a page of grouped-away rows does not repeat them later', async () => {
    const first = await listQueue({ ctx: { actor: mod }, input: { limit: 2 } });
    expect(first.items.map((r) => r.id)).toEqual([inCase[0].id]);
    const second = await listQueue({ ctx: { actor: mod }, input: { limit: 2, cursor: first.nextCursor ?? undefined } });
    expect(second.items.map((r) => r.id)).toEqual([others[0].id, others[1].id]);
  });

  it('lists every report of the case when filtered to one instance, each with the badge', async () => {
    const rows = (await pages({ instanceId: instIds[0] }, 50)).flat();
    expect(rows.map((r) => r.id)).toEqual([inCase[0].id, others[1].id, others[3].id]);
    expect(rows[0].case?.id).toBe(caseId);
  });
});

describe('the live list in the browser', () => {
  const row = (id: string, c: string | null): QueueRow => ({
    id, instance: { id: 'i', name: 'i', kind: 'mastodon' }, remoteId: id, category: 'spam', excerpt: '', target: { acct: 'a', displayName: '', domain: null },
    reporterAcct: null, assigneeAcct: null, mediaCount: 0, statusCount: 0, priority: 0, remoteCreatedAt: '2026-01-01T00:00:00.000Z', status: 'open', match: null,
    case: c ? { id: c, number: 1, state: 'open', severity: 5, label: 'csam', reports: 2, instances: 2 } : null, thumbMediaId: null, tags: [], escalation: null, claim: null, kind: 'report', watch: null, hold: null, brigade: null,
  });

  it('drops rows of a case already shown when a later page arrives', () => {
    expect(groupByCase([row('a', 'X'), row('b', null), row('c', 'X'), row('d', 'Y')]).map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(dropShownCases([row('a', 'X')], [row('e', 'X'), row('f', null), row('g', 'Y')]).map((r) => r.id)).toEqual(['f', 'g']);
  });

  it('does not call a row "gone" when a newer report of its case now stands for it, and "show" keeps one row per case', () => {
    const shown = [row('b', 'X'), row('c', null), row('d', null)];
    const latest = { items: [row('a', 'X'), row('c', null), row('d', null)], nextCursor: 'after-d', counts: [], held: [] };
    const v = diffLive(shown, latest);
    expect([...v.gone]).toEqual([]);
    expect(v.fresh).toBe(1);
    const tail = [...shown, row('e', 'X'), row('f', null)];
    const merged = mergeShowNew(tail, 'after-f', latest, diffLive(tail, latest).lastShared);
    expect(merged.rows.map((r) => r.id)).toEqual(['a', 'c', 'd', 'f']);
  });
});
