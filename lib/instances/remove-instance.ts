import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageInstances } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { dropConnector } from './connector-cache';

/** Removes the connection and everything synced from it, and ends our session on the server. The audit log keeps the record that it existed. */
export async function removeInstance({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  assertAllowed(canManageInstances(ctx.actor), 'instance.remove');
  await db.$transaction(async (tx) => {
    const row = await tx.instance.findUnique({ where: { id: input.id }, select: { id: true, baseUrl: true, name: true } });
    if (!row) throw new AppError('not_found', 'instance not found');
    // Purge receipts are the proof a copy was removed: immutable, and they name the copy on this instance. Removing
    // the instance would delete that proof (the database refuses), so say so instead of failing with a 500.
    const receipts = await tx.purgeReceipt.count({ where: { copy: { instanceId: row.id } } });
    if (receipts > 0) {
      throw new AppError('conflict', `instance ${row.id} has ${receipts} purge receipts`, {
        userMessage: `This instance holds ${receipts} purge receipt${receipts === 1 ? '' : 's'} (proof that copies were removed), which are kept as records. Turn its sync off instead of removing it.`,
      });
    }
    await recordEvent(tx, {
      actor: ctx.actor, action: 'instance.removed', targetType: 'instance', targetId: row.id, instanceId: row.id,
      details: { baseUrl: row.baseUrl, name: row.name },
    });
    await tx.instance.delete({ where: { id: row.id } });
  });
  // After the commit: the session this process holds (PeerTube: a live admin token) is revoked now; a worker
  // process holding its own is closed by that process's sweep of removed instances (connector-cache.ts).
  await dropConnector(input.id);
}
