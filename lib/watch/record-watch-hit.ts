/**
 * A post a watch term caught becomes a queue item: a Report of kind 'watch' (remoteId `watch:<post id>`, no
 * reporter, no report on the server), its account, post and media written by the same statements sync uses, so
 * the report page, media fetching, hashing and bank matching treat it like a reported post. One item per post per
 * instance: a later term adds itself to the item (and a WatchHit row) instead of making a second one.
 */
import { db, type Tx } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { Actor } from '@/lib/audit/actor';
import type { RemotePost, RemoteReport } from '@/lib/connectors/types';
import { Prisma } from '@/lib/generated/prisma/client';
import { evaluateHolds } from '@/lib/holding/evaluate-holds';
import { logger } from '@/lib/log/logger';
import { computePriority } from '@/lib/queue/priority';
import { reportContentHash } from '@/lib/sync/content-hash';
import { describeError } from '@/lib/sync/describe-error';
import { enqueueNewMedia } from '@/lib/sync/enqueue-new-media';
import { upsertAccount } from '@/lib/sync/upsert-accounts';
import { createNewMedia, upsertStatuses } from '@/lib/sync/upsert-statuses';
import type { WatchKind, WatchTermRef } from './types';

const log = logger('watch');
const WATCH_ACTOR: Actor = { type: 'system', label: 'watch' };

export interface HitTerm {
  id: string;
  kind: WatchKind | string;
  value: string;
}

export interface HitOutcome {
  reportId: string;
  created: boolean;
  /** The terms that caught this post for the first time (empty: nothing new). */
  newTerms: WatchTermRef[];
  newMediaIds: string[];
}

export const watchRemoteId = (postRemoteId: string) => `watch:${postRemoteId}`;

export async function recordWatchHit(instanceId: string, post: RemotePost, terms: HitTerm[], via: WatchTermRef['via']): Promise<HitOutcome> {
  let out: HitOutcome;
  try {
    out = await db.$transaction((tx) => write(tx, instanceId, post, terms, via), { timeout: 30_000 });
  } catch (e) {
    // The scan and a webhook may catch the same post at once: the loser finds the winner's item and adds to it.
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    out = await db.$transaction((tx) => write(tx, instanceId, post, terms, via), { timeout: 30_000 });
  }
  await enqueueNewMedia(out.newMediaIds);
  for (const t of out.newTerms) {
    await evaluateHolds({ reportIds: [out.reportId], signal: { trigger: 'watch_hit', term: { kind: t.kind, value: t.value } } })
      .catch((e) => log.error('hold evaluation failed for a watch hit', { reportId: out.reportId, error: describeError(e) }));
  }
  return out;
}

async function write(tx: Tx, instanceId: string, post: RemotePost, terms: HitTerm[], via: WatchTermRef['via']): Promise<HitOutcome> {
  const remoteId = watchRemoteId(post.remoteId);
  const targetId = await upsertAccount(tx, instanceId, post.account);
  const statusId = (await upsertStatuses(tx, instanceId, [{ status: post, accountId: targetId }])).get(post.remoteId);
  if (!statusId) throw new Error('status missing after upsert');
  const newMedia = await createNewMedia(tx, instanceId, post.media.map((media) => ({ media, statusId })));
  const existing = await tx.report.findUnique({ where: { instanceId_remoteId: { instanceId, remoteId } }, select: { id: true, watchTerms: true } });
  const known = existing ? storedTerms(existing.watchTerms) : [];
  const fresh: WatchTermRef[] = terms
    .filter((t, i) => !known.some((k) => k.termId === t.id) && terms.findIndex((o) => o.id === t.id) === i)
    .map((t) => ({ termId: t.id, kind: t.kind as WatchKind, value: t.value, via }));
  const all = [...known, ...fresh];
  const first = all[0] ?? fresh[0];
  const mediaCount = await tx.media.count({ where: { statusId } });
  const createdAt = post.createdAt && !Number.isNaN(Date.parse(post.createdAt)) ? new Date(post.createdAt) : new Date();
  const comment = first ? `Watched ${first.kind} ${first.value}` : 'Watched';
  const contentHash = reportContentHash(asReport(remoteId, post, comment, createdAt, all));

  let reportId: string;
  if (existing) {
    reportId = existing.id;
    if (fresh.length) await tx.report.update({ where: { id: reportId }, data: { watchTerms: all as object[], contentHash, mediaCount, syncedAt: new Date() } });
  } else {
    const against = await tx.report.count({ where: { targetId } });
    const row = await tx.report.create({
      data: {
        instanceId, remoteId, kind: 'watch', status: 'open', category: 'watch', comment, reporterId: null, targetId,
        remoteCreatedAt: createdAt, contentHash, watchTerms: all as object[], mediaCount, statusCount: 1,
        priority: computePriority({
          severity: 0, distance: null, quality: null, category: 'other', mediaCount, reportCount: against + 1,
          ageHours: Math.max(0, (Date.now() - createdAt.getTime()) / 3_600_000),
        }),
        statuses: { create: [{ statusId, position: 0 }] },
      },
      select: { id: true },
    });
    reportId = row.id;
    await recordEvent(tx, {
      actor: WATCH_ACTOR, action: 'watch.item_created', targetType: 'report', targetId: reportId, instanceId,
      details: { post: post.remoteId, account: post.account.acct, terms: fresh.map((t) => ({ kind: t.kind, value: t.value })), via },
    });
  }
  if (fresh.length) {
    await tx.watchHit.createMany({ data: fresh.map((t) => ({ termId: t.termId, instanceId, statusId, reportId, via })), skipDuplicates: true });
    await tx.watchTerm.updateMany({ where: { id: { in: fresh.map((t) => t.termId) } }, data: { lastHitAt: new Date() } });
  }
  return { reportId, created: !existing, newTerms: fresh, newMediaIds: [...newMedia.values()] };
}

function storedTerms(raw: unknown): WatchTermRef[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((t): t is WatchTermRef => !!t && typeof t === 'object' && typeof (t as WatchTermRef).termId === 'string');
}

/** The item as a report, so its content hash is computed exactly like a synced report's. */
function asReport(remoteId: string, post: RemotePost, comment: string, createdAt: Date, terms: WatchTermRef[]): RemoteReport {
  const { account, tags: _tags, links: _links, ...status } = post;
  return {
    remoteId, category: 'watch', comment, createdAt: createdAt.toISOString(), updatedAt: null, resolved: false, resolvedAt: null,
    forwarded: false, reporter: null, target: account, assignee: null, statuses: [status], rules: terms.map((t) => ({ remoteId: t.termId, text: `${t.kind}:${t.value}` })),
  };
}
