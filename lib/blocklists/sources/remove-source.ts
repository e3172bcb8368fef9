/**
 * Drops a source and its entries (moderators and up). Blocks it caused on our instances stay until the next preview
 * proposes their removal (or auto-retract does it): removing a list never silently unblocks anything.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { parseOr, sourceId } from './source-fields';

export async function removeSource({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ id: string }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'blocklist.source.remove');
  const id = parseOr(sourceId, input.id, 'source');
  return db.$transaction(async (tx) => {
    const row = await tx.blocklistSource.findUnique({ where: { id }, select: { name: true, url: true, _count: { select: { entries: true } } } });
    if (!row) throw new AppError('not_found', 'blocklist source not found', { userMessage: 'That blocklist source no longer exists.' });
    await tx.blocklistSource.delete({ where: { id } });
    await recordEvent(tx, { actor: ctx.actor, action: 'blocklist.source.removed', targetType: 'blocklist_source', targetId: id, details: { name: row.name, url: row.url, entries: row._count.entries } });
    return { id };
  });
}
