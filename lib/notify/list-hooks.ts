/** Every notification hook with its count of deliveries still waiting, never its secret. Admins. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { hookNotFound, toHookView } from './hook-view';
import type { NotifyHookView } from './types';

export async function listHooks({ ctx }: { ctx: Ctx }): Promise<NotifyHookView[]> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'notify.hooks.read');
  const [hooks, pending] = await Promise.all([
    db.notifyHook.findMany({ orderBy: { name: 'asc' } }),
    db.notifyDelivery.groupBy({ by: ['hookId'], where: { state: { in: ['pending', 'sending'] } }, _count: { _all: true } }),
  ]);
  const counts = new Map(pending.map((p) => [p.hookId, p._count._all]));
  return hooks.map((h) => toHookView(h, counts.get(h.id) ?? 0));
}

/** One hook, or not_found. */
export async function getHook({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<NotifyHookView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'notify.hooks.read');
  const h = await db.notifyHook.findUnique({ where: { id: input.id } });
  if (!h) throw hookNotFound();
  const pending = await db.notifyDelivery.count({ where: { hookId: h.id, state: { in: ['pending', 'sending'] } } });
  return toHookView(h, pending);
}
