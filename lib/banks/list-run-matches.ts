/**
 * What a rematch run found, as media rather than a count. A run stores only counts (total, done, matched), so the
 * media come from the MediaMatch rows of the run's bank created while it worked (startedAt to finishedAt). That
 * window also catches media matched live by the sync during the run, which is still news about this bank; it
 * misses media that already matched before the run (upserts keep their createdAt), which is why the page calls
 * these "newly matched" next to the run's own matched count.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/audit/actor';
import type { RunView } from './run-view';

/** Enough to follow up by hand; the rest are counted (the queue's "Has matches" filter finds their reports). */
export const RUN_MATCH_LIMIT = 25;
/** Counting distinct media stops here ("1,000+"): a big import must not make every bank-page poll scan it all. */
const COUNT_CAP = 1000;

export interface RunMatchItem {
  mediaId: string;
  instanceName: string;
  mediaType: string;
  signalType: string;
  distance: number;
  entryLabel: string | null;
  matchedAt: Date;
  /** Where a moderator can see it: a report that carries the post, else the case holding the copy. */
  reportId: string | null;
  caseId: string | null;
  caseNumber: number | null;
}

export interface RunMatches { items: RunMatchItem[]; count: number; capped: boolean }

export async function listRunMatches(actor: Actor, run: Pick<RunView, 'id' | 'startedAt' | 'finishedAt'> & { bankId: string | null }, now = new Date()): Promise<RunMatches | null> {
  if (!run.startedAt) return null; // never ran: nothing can have matched
  const instanceIds = actor.type === 'user' ? actor.instanceIds : actor.type === 'webhook' ? [actor.instanceId] : null;
  const where: Prisma.MediaMatchWhereInput = {
    createdAt: { gte: run.startedAt, lte: run.finishedAt ?? now },
    ...(run.bankId ? { bankId: run.bankId } : {}),
    // A moderator limited to some instances never learns about media on the others, here as in the queue.
    ...(instanceIds ? { media: { instanceId: { in: instanceIds } } } : {}),
  };
  // GROUP BY with LIMIT in SQL (Prisma's `distinct` may dedupe in memory after reading every row).
  const distinct = await db.mediaMatch.groupBy({
    by: ['mediaId'], where, _min: { createdAt: true }, orderBy: [{ _min: { createdAt: 'asc' } }, { mediaId: 'asc' }], take: COUNT_CAP + 1,
  });
  const shownIds = distinct.slice(0, RUN_MATCH_LIMIT).map((m) => m.mediaId);
  const rows = shownIds.length === 0 ? [] : await db.mediaMatch.findMany({
    where: { ...where, mediaId: { in: shownIds } },
    orderBy: [{ distance: 'asc' }, { createdAt: 'asc' }],
    select: {
      mediaId: true, signalType: true, distance: true, createdAt: true,
      entry: { select: { label: true } },
      media: {
        select: {
          type: true,
          instance: { select: { name: true } },
          status: { select: { reports: { select: { reportId: true }, orderBy: { reportId: 'asc' }, take: 1 } } },
          caseCopies: { select: { case: { select: { id: true, number: true } } }, orderBy: { foundAt: 'asc' }, take: 1 },
        },
      },
    },
  });
  // Best (closest) match per media, in the order the media first matched.
  const best = new Map<string, RunMatchItem>();
  for (const r of rows) {
    if (best.has(r.mediaId)) continue;
    const kase = r.media.caseCopies[0]?.case ?? null;
    best.set(r.mediaId, {
      mediaId: r.mediaId, instanceName: r.media.instance.name, mediaType: r.media.type, signalType: r.signalType, distance: r.distance,
      entryLabel: r.entry.label, matchedAt: r.createdAt, reportId: r.media.status?.reports[0]?.reportId ?? null,
      caseId: kase?.id ?? null, caseNumber: kase?.number ?? null,
    });
  }
  const items = shownIds.flatMap((id) => best.get(id) ?? []);
  return { items, count: Math.min(distinct.length, COUNT_CAP), capped: distinct.length > COUNT_CAP };
}
