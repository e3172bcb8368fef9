/** Deletes a saved filter: one's own, or (admins and owners) a filter shared with the team. */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

const idSchema = z.uuid();

export async function deleteSavedFilter({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('forbidden', 'saved filters belong to people');
  const id = idSchema.safeParse(input.id);
  if (!id.success) throw new AppError('bad_request', 'bad saved filter id', { userMessage: 'Unknown filter.' });
  return db.$transaction(async (tx) => {
    const row = await tx.savedFilter.findUnique({ where: { id: id.data } });
    if (!row || (row.userId !== actor.id && !row.shared)) throw new AppError('not_found', 'saved filter not found', { userMessage: 'This filter does not exist (any more).' });
    if (row.userId !== actor.id && !hasRole(actor, 'admin')) {
      throw new AppError('forbidden', 'not the owner of the shared filter', { userMessage: 'Only its author or an admin can delete a shared filter.' });
    }
    await tx.savedFilter.delete({ where: { id: row.id } });
    await recordEvent(tx, { actor, action: 'saved_filter.deleted', targetType: 'saved_filter', targetId: row.id, details: { name: row.name, query: row.query, shared: row.shared, ownerId: row.userId } });
    return { id: row.id };
  });
}
