/**
 * Reports written by a sync or a webhook join the open cases whose copies they show. Media hashed later join through
 * attach-media.ts, but a new report on a post whose media the app already holds (a second reporter, a copy found
 * by a remote lookup) brings no new media: without this it would stay outside its case and the queue's grouping.
 * A report is matched to a copy by our media row or by the copy's post key on the same instance.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { logger } from '@/lib/log/logger';
import { ACTIVE_STATES, lockCaseRow } from './case-access';
import { linkReports } from './link-reports';
import { recountCase } from './recount-case';

const log = logger('cases');
const SYNC_ACTOR: Actor = { type: 'system', label: 'cases.sync' };

export async function linkSyncedReports(reportIds: readonly string[]): Promise<{ linked: number }> {
  if (reportIds.length === 0) return { linked: 0 };
  const links = await db.reportStatusLink.findMany({
    where: { reportId: { in: [...new Set(reportIds)] } },
    select: { reportId: true, status: { select: { instanceId: true, remoteId: true, media: { select: { id: true } } } } },
  });
  if (links.length === 0) return { linked: 0 };
  const copies = await db.caseCopy.findMany({
    where: {
      case: { state: { in: [...ACTIVE_STATES] } },
      OR: [
        { mediaId: { in: links.flatMap((l) => l.status.media.map((m) => m.id)) } },
        ...links.map((l) => ({ instanceId: l.status.instanceId, copyKey: `post:${l.status.remoteId}` })),
      ],
    },
    select: { caseId: true, mediaId: true, instanceId: true, copyKey: true },
  });
  const perCase = new Map<string, Set<string>>();
  for (const l of links) {
    const mediaIds = new Set(l.status.media.map((m) => m.id));
    for (const c of copies) {
      const shows = (c.mediaId !== null && mediaIds.has(c.mediaId)) || (c.instanceId === l.status.instanceId && c.copyKey === `post:${l.status.remoteId}`);
      if (shows) perCase.set(c.caseId, (perCase.get(c.caseId) ?? new Set()).add(l.reportId));
    }
  }
  let linked = 0;
  for (const [caseId, ids] of perCase) {
    linked += await db.$transaction(async (tx) => {
      const state = await lockCaseRow(tx, caseId);
      if (state === null || !(ACTIVE_STATES as readonly string[]).includes(state)) return 0;
      const fresh = await linkReports(tx, caseId, [...ids], SYNC_ACTOR);
      if (fresh.length > 0) await recountCase(tx, caseId);
      return fresh.length;
    });
  }
  return { linked };
}

/** For the sync and webhook paths: linking is never a reason to fail writing reports (the next sync retries it). */
export async function linkSyncedReportsSafely(reportIds: readonly string[]): Promise<void> {
  await linkSyncedReports(reportIds).catch((e) => log.error('linking synced reports to cases failed', { reports: reportIds.length, error: e instanceof Error ? e.message : String(e) }));
}
