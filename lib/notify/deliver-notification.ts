/**
 * Sends one NotifyDelivery: claims the row with a lease (one conditional UPDATE, so two workers never both send
 * it), sends it (signed JSON POST, or Matrix PUT with the row id as txnId) and records the outcome. 2xx: done.
 * 4xx other than 408/429: failed at once. 5xx, 408, 429 and timeouts: pending again after 30 s, doubling to 1 h,
 * up to 8 attempts. Only errors already redacted by the remote client are stored; never the secret.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { enqueueNotifyDelivery } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { openHookSecret } from './hook-secret';
import { notifyPayloadSchema } from './hook-input';
import { isRetryable, sendNotification, type SendOptions } from './send-notification';

const log = logger('notify');
export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export async function deliverNotification(deliveryId: string, opts: SendOptions & { clock?: () => Date } = {}): Promise<void> {
  const now = opts.clock?.() ?? new Date();
  const token = randomUUID();
  const claimed = await db.notifyDelivery.updateMany({
    where: {
      id: deliveryId,
      OR: [
        { state: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        { state: 'sending', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    data: { state: 'sending', attempts: { increment: 1 }, leaseUntil: new Date(now.getTime() + LEASE_MS), leaseToken: token, nextAttemptAt: null },
  });
  if (claimed.count !== 1) return;
  const row = await db.notifyDelivery.findUnique({ where: { id: deliveryId }, include: { hook: true } });
  if (!row) return; // its hook was removed meanwhile (the cascade took the row)
  const mine = { id: deliveryId, leaseToken: token };

  if (!row.hook.enabled) return finish(mine, row.hookId, { state: 'failed', error: 'The hook was turned off before this was sent.' }, now);
  const secret = await openHookSecret(row.hook.secretSealed, row.hook.url);
  if (secret === null) return finish(mine, row.hookId, { state: 'failed', error: 'The stored secret does not open: enter it again.' }, now);

  const payload = notifyPayloadSchema.safeParse(row.payload);
  if (!payload.success) return finish(mine, row.hookId, { state: 'failed', error: 'The stored payload is not valid.' }, now);

  try {
    const { status } = await sendNotification({ ...row.hook, secret }, payload.data, row.id, opts);
    await finish(mine, row.hookId, { state: 'done', status }, now);
  } catch (e) {
    const error = isAppError(e) ? e.message : 'The notification could not be sent.';
    if (!isRetryable(e) || row.attempts >= MAX_ATTEMPTS) return finish(mine, row.hookId, { state: 'failed', error }, now);
    const at = new Date(now.getTime() + backoffMs(row.attempts));
    await finish(mine, row.hookId, { state: 'pending', error, at }, now);
    // The scheduler tick also finds it when due; this only saves waiting for the tick.
    await enqueueNotifyDelivery(row.id, at).catch((err: unknown) => log.warn('notify: re-queue failed', { deliveryId, error: String(err) }));
  }
}

type Outcome = { state: 'done'; status: number } | { state: 'failed'; error: string } | { state: 'pending'; error: string; at: Date };

/** Conditioned on our lease token: if another worker took the row over, its outcome stands, not ours. */
async function finish(mine: { id: string; leaseToken: string }, hookId: string, o: Outcome, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const delivery = o.state === 'done'
      ? { state: 'done', deliveredAt: now, lastError: null }
      : { state: o.state, lastError: o.error.slice(0, 500), nextAttemptAt: o.state === 'pending' ? o.at : null };
    const r = await tx.notifyDelivery.updateMany({ where: mine, data: { ...delivery, leaseUntil: null, leaseToken: null } });
    if (r.count !== 1) return;
    const hook = o.state === 'done'
      ? { lastStatus: `HTTP ${o.status}`, lastError: null, lastSentAt: now }
      : { lastStatus: o.state === 'failed' ? 'failed' : 'retrying', lastError: o.error.slice(0, 500) };
    await tx.notifyHook.updateMany({ where: { id: hookId }, data: hook });
  });
}

/** Deliveries due now: pending whose backoff is over (or never set), and sending rows whose lease lapsed. */
export async function dueDeliveries(now: Date, limit = 200): Promise<string[]> {
  const rows = await db.notifyDelivery.findMany({
    where: {
      OR: [
        { state: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        { state: 'sending', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    orderBy: { createdAt: 'asc' }, take: limit, select: { id: true },
  });
  return rows.map((r) => r.id);
}
