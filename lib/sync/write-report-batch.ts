/**
 * Writes a batch of changed remote reports (one page of a sync, or a single report) inside one transaction with a
 * fixed number of statements: accounts, statuses and media deduplicated and written in bulk, new reports with one
 * createMany, changed reports one update each. Semantics per report are those of a write one at a time:
 * - the matcher's row lock is taken on every existing report before its priority is recomputed;
 * - a payload older than the stored remote updatedAt (a replayed webhook) is ignored (contract I4);
 * - a status once linked stays linked when a newer payload omits it, and is marked deleted (contract I2);
 * - the creation time is written once (a partial payload must never move it), absent notes keep the stored ones.
 */
import type { Tx } from '@/lib/db';
import type { RemoteReport } from '@/lib/connectors/types';
import { matchFieldsForPriority } from '@/lib/matching/report-match-fields';
import { computePriority } from '@/lib/queue/priority';
import { lockReportsForPriority, type LockedReport } from './lock-reports';
import { upsertAccounts } from './upsert-accounts';
import { createNewMedia, upsertStatuses } from './upsert-statuses';

export interface BatchItem {
  remote: RemoteReport;
  contentHash: string;
  existingId: string | null;
}

export interface UpsertOutcome {
  reportId: string;
  changed: boolean;
  created: boolean;
  newMediaIds: string[];
}

type Live = BatchItem & { locked: LockedReport | null; index: number };

export async function writeReportBatch(tx: Tx, instanceId: string, items: BatchItem[]): Promise<UpsertOutcome[]> {
  const outcomes: Array<UpsertOutcome | null> = items.map(() => null);
  const locked = await lockReportsForPriority(tx, items.flatMap((i) => (i.existingId ? [i.existingId] : [])));
  const live: Live[] = [];
  items.forEach((item, index) => {
    const row = item.existingId ? locked.get(item.existingId) ?? null : null;
    if (row && isOlder(item.remote.updatedAt, row.remoteUpdatedAt)) {
      outcomes[index] = { reportId: row.id, changed: false, created: false, newMediaIds: [] };
    } else live.push({ ...item, existingId: row ? row.id : null, locked: row, index });
  });

  const accounts = await upsertAccounts(tx, instanceId, live.flatMap(({ remote: r }) => [r.target, ...(r.reporter ? [r.reporter] : []), ...(r.assignee ? [r.assignee] : [])]));
  const accountId = (remoteId: string) => {
    const id = accounts.get(remoteId);
    if (!id) throw new Error('account missing after upsert');
    return id;
  };
  const statusIds = await upsertStatuses(tx, instanceId, live.flatMap(({ remote: r }) => r.statuses.map((status) => ({ status, accountId: accountId(r.target.remoteId) }))));
  const statusId = (remoteId: string) => {
    const id = statusIds.get(remoteId);
    if (!id) throw new Error('status missing after upsert');
    return id;
  };
  const newMedia = await createNewMedia(tx, instanceId, live.flatMap(({ remote: r }) => r.statuses.flatMap((s) => s.media.map((media) => ({ media, statusId: statusId(s.remoteId) })))));

  // Links: the payload's statuses first, in order, then any earlier-linked status the payload no longer has.
  const existingIds = live.flatMap((l) => (l.existingId ? [l.existingId] : []));
  const oldLinks = existingIds.length
    ? await tx.reportStatusLink.findMany({ where: { reportId: { in: existingIds } }, orderBy: { position: 'asc' }, select: { reportId: true, statusId: true } })
    : [];
  const links = new Map<number, string[]>();
  const kept = new Set<string>();
  for (const l of live) {
    const ids = [...new Set(l.remote.statuses.map((s) => statusId(s.remoteId)))];
    for (const old of oldLinks) {
      if (old.reportId !== l.existingId || ids.includes(old.statusId)) continue;
      ids.push(old.statusId);
      kept.add(old.statusId);
    }
    links.set(l.index, ids);
  }
  const keptMedia = kept.size
    ? new Map((await tx.media.groupBy({ by: ['statusId'], where: { statusId: { in: [...kept] } }, _count: { _all: true } })).map((g) => [g.statusId, g._count._all]))
    : new Map<string | null, number>();

  const targets = [...new Set(live.map((l) => accountId(l.remote.target.remoteId)))];
  const perTarget = new Map(
    (await tx.report.groupBy({ by: ['targetId'], where: { targetId: { in: targets } }, _count: { _all: true } })).map((g) => [g.targetId, g._count._all]),
  );

  const claimed = new Set<string>();
  const creates: Array<{ index: number; data: NewReport }> = [];
  for (const l of live) {
    const r = l.remote;
    const targetId = accountId(r.target.remoteId);
    const created = l.existingId === null;
    if (created) perTarget.set(targetId, (perTarget.get(targetId) ?? 0) + 1);
    const linkIds = links.get(l.index) ?? [];
    const mediaCount = r.statuses.reduce((n, s) => n + s.media.length, 0) + linkIds.reduce((n, id) => n + (kept.has(id) ? keptMedia.get(id) ?? 0 : 0), 0);
    const createdAt = l.locked ? l.locked.remoteCreatedAt : new Date(r.createdAt);
    const fields = reportFields(l, {
      targetId,
      reporterId: r.reporter ? accountId(r.reporter.remoteId) : null,
      assigneeId: r.assignee ? accountId(r.assignee.remoteId) : null,
      mediaCount,
      statusCount: linkIds.length,
      priority: computePriority({
        ...matchFieldsForPriority(l.locked),
        mediaCount,
        category: r.category,
        ageHours: Math.max(0, (Date.now() - createdAt.getTime()) / 3_600_000),
        reportCount: perTarget.get(targetId) ?? 1,
      }),
    });
    // Each new media row is reported once, with the first report that mentions it.
    const mediaIds: string[] = [];
    for (const m of r.statuses.flatMap((s) => s.media)) {
      const id = newMedia.get(m.remoteId);
      if (!id || claimed.has(id)) continue;
      mediaIds.push(id);
      claimed.add(id);
    }
    if (created) {
      creates.push({ index: l.index, data: { ...fields, instanceId, remoteId: r.remoteId, remoteCreatedAt: createdAt } });
      outcomes[l.index] = { reportId: '', changed: true, created: true, newMediaIds: mediaIds };
    } else {
      await tx.report.update({ where: { id: l.existingId! }, data: fields, select: { id: true } });
      outcomes[l.index] = { reportId: l.existingId!, changed: true, created: false, newMediaIds: mediaIds };
    }
  }
  if (creates.length) {
    const byRemote = await insertReports(tx, creates.map((c) => c.data));
    for (const c of creates) {
      const id = byRemote.get(c.data.remoteId);
      if (!id) throw new Error('report missing after create');
      outcomes[c.index]!.reportId = id;
    }
  }

  if (existingIds.length) await tx.reportStatusLink.deleteMany({ where: { reportId: { in: existingIds } } });
  await insertLinks(tx, live.flatMap((l) => (links.get(l.index) ?? []).map((sid, position) => ({ reportId: outcomes[l.index]!.reportId, statusId: sid, position }))));
  // The server no longer shows it (Misskey: "no such note" after a deletion): keep the evidence, say it is gone.
  if (kept.size) await tx.status.updateMany({ where: { id: { in: [...kept] }, remoteState: null }, data: { remoteState: 'deleted' } });

  return outcomes.map((o) => {
    if (!o) throw new Error('report batch left an item unwritten');
    return o;
  });
}

function isOlder(remote: string | null, stored: Date | null): boolean {
  if (!remote || !stored) return false;
  return new Date(remote).getTime() < stored.getTime();
}

function reportFields(
  l: Live,
  x: { targetId: string; reporterId: string | null; assigneeId: string | null; mediaCount: number; statusCount: number; priority: number },
) {
  const r = l.remote;
  return {
    status: r.resolved ? ('resolved' as const) : ('open' as const),
    category: r.category,
    comment: r.comment ?? '',
    forwarded: r.forwarded === true,
    reporterId: x.reporterId,
    targetId: x.targetId,
    assigneeId: x.assigneeId,
    rules: r.rules.map((rule) => ({ remoteId: rule.remoteId, text: rule.text })),
    // Absent notes mean "this source does not say" (not "none"), so what is stored is kept.
    ...(r.notes ? { remoteNotes: remoteNotes(r.notes) } : {}),
    mediaCount: x.mediaCount,
    statusCount: x.statusCount,
    priority: x.priority,
    // A payload without an update time keeps the stored one, so the replay guard keeps working.
    remoteUpdatedAt: r.updatedAt ? new Date(r.updatedAt) : l.locked ? l.locked.remoteUpdatedAt : null,
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : r.resolved && l.locked ? l.locked.resolvedAt : null,
    contentHash: l.contentHash,
    syncedAt: new Date(),
  };
}

/** Server-side notes as plain text (rendered escaped), bounded so one chatty report cannot bloat the row. */
function remoteNotes(notes: NonNullable<RemoteReport['notes']>) {
  return notes.slice(-50).map((n) => ({
    remoteId: n.remoteId,
    author: n.author?.slice(0, 200) ?? null,
    text: n.text.slice(0, 10_000),
    createdAt: n.createdAt,
  }));
}

type NewReport = ReturnType<typeof reportFields> & { instanceId: string; remoteId: string; remoteCreatedAt: Date };

/**
 * New reports in one statement. Raw SQL: Prisma's createManyAndReturn cost 2-4 ms per report in bench:sync,
 * most of a first sync's time. No ON CONFLICT: a report created meanwhile (a webhook) fails the batch, and the page
 * falls back to writing item by item, which updates it.
 */
async function insertReports(tx: Tx, rows: NewReport[]): Promise<Map<string, string>> {
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  const json = JSON.stringify(rows.map((r) => ({
    instanceId: r.instanceId, remoteId: r.remoteId, status: r.status, category: r.category, comment: r.comment, forwarded: r.forwarded,
    reporterId: r.reporterId, targetId: r.targetId, assigneeId: r.assigneeId, rules: r.rules, remoteNotes: r.remoteNotes ?? [],
    mediaCount: r.mediaCount, statusCount: r.statusCount, priority: r.priority, remoteCreatedAt: iso(r.remoteCreatedAt),
    remoteUpdatedAt: iso(r.remoteUpdatedAt), resolvedAt: iso(r.resolvedAt), contentHash: r.contentHash, syncedAt: iso(r.syncedAt),
  })));
  const utc = (col: string) => `(v."${col}"::timestamptz AT TIME ZONE 'UTC')`;
  const out = await tx.$queryRawUnsafe<Array<{ id: string; remoteId: string }>>(
    `INSERT INTO "Report" ("id", "instanceId", "remoteId", "status", "category", "comment", "forwarded", "reporterId", "targetId", "assigneeId",
       "rules", "remoteNotes", "mediaCount", "statusCount", "priority", "remoteCreatedAt", "remoteUpdatedAt", "resolvedAt", "contentHash", "syncedAt")
     SELECT gen_random_uuid(), v."instanceId"::uuid, v."remoteId", v.status::"ReportStatus", v.category, v.comment, v.forwarded,
       v."reporterId"::uuid, v."targetId"::uuid, v."assigneeId"::uuid, v.rules, v."remoteNotes", v."mediaCount", v."statusCount", v.priority,
       ${utc('remoteCreatedAt')}, ${utc('remoteUpdatedAt')}, ${utc('resolvedAt')}, v."contentHash", ${utc('syncedAt')}
     FROM jsonb_to_recordset($1::jsonb) AS v("instanceId" text, "remoteId" text, status text, category text, comment text, forwarded boolean,
       "reporterId" text, "targetId" text, "assigneeId" text, rules jsonb, "remoteNotes" jsonb, "mediaCount" int, "statusCount" int, priority int,
       "remoteCreatedAt" text, "remoteUpdatedAt" text, "resolvedAt" text, "contentHash" text, "syncedAt" text)
     RETURNING "id"::text AS "id", "remoteId"`,
    json,
  );
  return new Map(out.map((r) => [r.remoteId, r.id]));
}

async function insertLinks(tx: Tx, rows: Array<{ reportId: string; statusId: string; position: number }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "ReportStatusLink" ("reportId", "statusId", "position")
     SELECT v."reportId"::uuid, v."statusId"::uuid, v.position FROM jsonb_to_recordset($1::jsonb) AS v("reportId" text, "statusId" text, position int)`,
    JSON.stringify(rows),
  );
}
