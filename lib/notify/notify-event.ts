/**
 * Writes one NotifyDelivery row per enabled hook that subscribes to `payload.event` (inside `tx` when given, so a
 * hold and its notifications commit together, or neither). Returns the delivery ids; after the transaction commits
 * the caller calls wakeDeliveries(ids). A missed wake is harmless: the scheduler tick sends pending deliveries.
 */
import { db, type Tx } from '@/lib/db';
import { enqueueNotifyDelivery } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import type { NotifyPayload } from './types';

const log = logger('notify');

export async function notifyEvent(payload: NotifyPayload, tx?: Tx): Promise<string[]> {
  const client = tx ?? db;
  const hooks = await client.notifyHook.findMany({ where: { enabled: true, events: { has: payload.event } }, select: { id: true } });
  if (hooks.length === 0) return [];
  const rows = await client.notifyDelivery.createManyAndReturn({
    data: hooks.map((h) => ({ hookId: h.id, event: payload.event, payload: { ...payload } })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Queues the delivery job for these rows (after their transaction committed). Never throws. */
export async function wakeDeliveries(ids: string[]): Promise<void> {
  for (const id of ids) {
    try {
      await enqueueNotifyDelivery(id);
    } catch (e) {
      log.warn('notify: wake failed; the scheduler tick will send it', { deliveryId: id, error: e instanceof Error ? e.message : String(e) });
    }
  }
}
