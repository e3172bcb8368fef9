/**
 * The safety net that runs every minute: polls instances that are due, and re-queues outbox actions and
 * media that were written but never picked up (for example when the web process died right after commit).
 */
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueAction, enqueueInstanceSync, enqueueMediaFetch, enqueueRematch } from './enqueue';

export async function runSchedulerTick(now = new Date()): Promise<{ syncs: number; actions: number; media: number; rematches: number }> {
  const dueBefore = new Date(now.getTime() - env().SYNC_INTERVAL_SECONDS * 1000);
  const instances = await db.instance.findMany({
    where: { syncEnabled: true, status: { not: 'disabled' }, OR: [{ lastSyncStartedAt: null }, { lastSyncStartedAt: { lt: dueBefore } }] },
    select: { id: true },
  });
  for (const i of instances) await enqueueInstanceSync(i.id, 'schedule');
  const stranded = new Date(now.getTime() - 60_000);
  const actions = await db.action.findMany({ where: { status: 'pending', createdAt: { lt: stranded } }, select: { id: true }, take: 500 });
  for (const a of actions) await enqueueAction(a.id);
  const media = await db.media.findMany({ where: { state: 'pending', createdAt: { lt: new Date(now.getTime() - 5 * 60_000) } }, select: { id: true }, take: 500 });
  for (const m of media) await enqueueMediaFetch(m.id);
  const runs = await db.rematchRun.findMany({ where: { status: 'queued', createdAt: { lt: stranded } }, select: { id: true }, take: 50 });
  for (const r of runs) await enqueueRematch(r.id);
  return { syncs: instances.length, actions: actions.length, media: media.length, rematches: runs.length };
}
