/** Renames, trusts, pauses or re-times a source (moderators and up). A new format reads the list again in full. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { parseOr, refreshMinutes, sourceFormat, sourceId, sourceName } from './source-fields';

export const updateSourceInput = z.object({
  id: sourceId,
  name: sourceName.optional(),
  trusted: z.boolean().optional(),
  enabled: z.boolean().optional(),
  refreshMinutes: refreshMinutes.optional(),
  format: sourceFormat.optional(),
});
export type UpdateSourceInput = z.input<typeof updateSourceInput>;

export async function updateSource({ ctx, input }: { ctx: Ctx; input: UpdateSourceInput }): Promise<{ id: string }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'blocklist.source.update');
  const { id, ...change } = parseOr(updateSourceInput, input, 'source change');
  return db.$transaction(async (tx) => {
    const before = await tx.blocklistSource.findUnique({ where: { id }, select: { name: true, trusted: true, enabled: true, refreshMinutes: true, format: true, url: true } });
    if (!before) throw new AppError('not_found', 'blocklist source not found', { userMessage: 'That blocklist source no longer exists.' });
    const from: Record<string, unknown> = {};
    const to: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined || before[k as keyof typeof before] === v) continue;
      from[k] = before[k as keyof typeof before];
      to[k] = v;
    }
    if (Object.keys(to).length === 0) return { id };
    const formatChanged = 'format' in to;
    await tx.blocklistSource.update({
      where: { id },
      data: {
        ...to,
        // The stored validators describe the last parse; with another format the same bytes mean something else.
        ...(formatChanged ? { etag: null, lastModified: null } : {}),
        ...((formatChanged || 'refreshMinutes' in to || to.enabled === true) && before.url ? { nextFetchAt: null } : {}),
      },
    });
    await recordEvent(tx, { actor: ctx.actor, action: 'blocklist.source.updated', targetType: 'blocklist_source', targetId: id, details: { name: before.name, from, to } });
    return { id };
  });
}
