/**
 * CONTRACT STUB (issue 14): the notifications helper implements this. Writes one NotifyDelivery row per enabled hook
 * that subscribes to `payload.event` (inside `tx` when given, so a hold and its notifications commit together).
 * Returns the delivery ids; after the transaction commits the caller calls wakeDeliveries(ids). A missed wake is
 * harmless: the scheduler tick sends pending deliveries.
 */
import type { Tx } from '@/lib/db';
import type { NotifyPayload } from './types';

export async function notifyEvent(payload: NotifyPayload, tx?: Tx): Promise<string[]> {
  void payload; void tx;
  return [];
}

/** Queues the delivery job for these rows (after their transaction committed). Never throws. */
export async function wakeDeliveries(ids: string[]): Promise<void> {
  void ids;
}
