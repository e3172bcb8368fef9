/** Removes an outside matcher with its checks and hits (cascade); the reports its hits raised are re-ranked. */
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { mediaWithHitsOf, refreshReportsForMedia } from './refresh-for-matcher';

export async function deleteMatcher({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'matchers.delete');
  const row = await db.outsideMatcher.findUnique({ where: { id: input.id }, select: { id: true, name: true, kind: true, baseUrl: true } });
  if (!row) throw new AppError('not_found', `matcher ${input.id} not found`, { userMessage: 'That matcher no longer exists.' });
  const media = await mediaWithHitsOf(row.id);
  await db.$transaction(async (tx) => {
    await tx.outsideMatcher.delete({ where: { id: row.id } });
    await recordEvent(tx, { actor: ctx.actor, action: 'matcher.deleted', targetType: 'outside_matcher', targetId: row.id, details: { name: row.name, kind: row.kind, baseUrl: row.baseUrl } });
  });
  await refreshReportsForMedia(media);
}
