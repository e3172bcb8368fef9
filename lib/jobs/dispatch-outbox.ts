/**
 * The outbox's safety net, run every few seconds by each worker and once a minute by the scheduler tick:
 * wake up every row that is due (pending past its backoff) or orphaned (claimed with an expired lease, its
 * worker dead). Sending is idempotent (at most one queued wake-up per row, enqueue.ts) and so is claiming
 * (claim-action.ts), so several workers may dispatch at once and nothing is ever delivered twice by it.
 */
import { db } from '@/lib/db';
import { enqueueOutboxBatch } from './enqueue';
import { Q } from './queues';

/** Orphans go first: they are the oldest work, and the moderator who asked has waited longest. */
const ORPHAN_PRIORITY = 10;

/**
 * `graceMs`: a new row's first wake-up is sent by whoever wrote it; the net only steps in after this, so it does
 * not race every fresh request.
 */
export async function dispatchOutbox(now = new Date(), graceMs = 5_000): Promise<{ actions: number; media: number }> {
  const settled = new Date(now.getTime() - graceMs);
  const due = { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] };
  const expired = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  const pick = { select: { id: true }, orderBy: { createdAt: 'asc' as const }, take: 500 };
  const orphanActions = await db.action.findMany({ where: { status: 'running', ...expired }, ...pick });
  const dueActions = await db.action.findMany({ where: { status: 'pending', createdAt: { lt: settled }, ...due }, ...pick });
  await enqueueOutboxBatch(Q.actionPerform, orphanActions.map((a) => a.id), ORPHAN_PRIORITY);
  await enqueueOutboxBatch(Q.actionPerform, dueActions.map((a) => a.id));
  const orphanMedia = await db.media.findMany({ where: { state: 'pending', leaseToken: { not: null }, ...expired }, ...pick });
  const dueMedia = await db.media.findMany({ where: { state: 'pending', leaseToken: null, createdAt: { lt: settled }, ...due }, ...pick });
  await enqueueOutboxBatch(Q.mediaFetch, orphanMedia.map((m) => m.id), ORPHAN_PRIORITY);
  await enqueueOutboxBatch(Q.mediaFetch, dueMedia.map((m) => m.id));
  return { actions: orphanActions.length + dueActions.length, media: orphanMedia.length + dueMedia.length };
}
