/** One's own passkeys, for the security page: names and dates only (never keys or credential ids). */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import type { PasskeyView } from './add-passkey';

export async function listPasskeys({ ctx }: { ctx: Ctx }): Promise<PasskeyView[]> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'passkeys belong to a person');
  const rows = await db.passkey.findMany({
    where: { userId: ctx.actor.id },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null }));
}
