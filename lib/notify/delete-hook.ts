/** Removes a hook; its waiting deliveries go with it (cascade), so nothing is sent to it afterwards. Admins. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { hookNotFound } from './hook-view';

export async function deleteHook({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'notify.hooks.write');
  await db.$transaction(async (tx) => {
    const hook = await tx.notifyHook.findUnique({ where: { id: input.id } });
    if (!hook) throw hookNotFound();
    const dropped = await tx.notifyDelivery.count({ where: { hookId: hook.id, state: { in: ['pending', 'sending'] } } });
    await tx.notifyHook.delete({ where: { id: hook.id } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'notify_hook.deleted', targetType: 'notify_hook', targetId: hook.id,
      details: { name: hook.name, kind: hook.kind, url: hook.url, droppedDeliveries: dropped },
    });
  });
}
