/** Removes a watch term (admins). Its hits go with it; the queue items it made stay until a moderator closes them. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function deleteTerm({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ id: string }> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'watch_term.delete');
  const id = z.uuid().safeParse(input.id);
  const missing = () => new AppError('not_found', 'watch term not found', { userMessage: 'That watch term no longer exists.' });
  if (!id.success) throw missing();
  return db.$transaction(async (tx) => {
    const row = await tx.watchTerm.findUnique({ where: { id: id.data }, select: { kind: true, value: true, _count: { select: { hits: true } } } });
    if (!row) throw missing();
    await tx.watchTerm.delete({ where: { id: id.data } });
    await recordEvent(tx, { actor: ctx.actor, action: 'watch_term.deleted', targetType: 'watch_term', targetId: id.data, details: { kind: row.kind, value: row.value, hits: row._count.hits } });
    return { id: id.data };
  });
}
