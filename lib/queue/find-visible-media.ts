/**
 * Media lookup shared by the preview and reveal verbs. Media on instances the actor cannot see is
 * "not found", like reports, so ids from other instances reveal nothing.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canSeeInstance } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function findVisibleMedia(ctx: Ctx, mediaId: string) {
  const m = await db.media.findUnique({
    where: { id: mediaId },
    select: { id: true, instanceId: true, statusId: true, mime: true, type: true, state: true, previewKey: true, storageKey: true },
  });
  if (!m || !canSeeInstance(ctx.actor, m.instanceId)) throw new AppError('not_found', 'media not found or not visible');
  return m;
}
