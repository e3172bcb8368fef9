/** The signed-in person's own media display defaults (blur, grayscale, severe items as hashes only). */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';

export const updatePreferencesInput = z.object({ blurMedia: z.boolean().optional(), grayscaleMedia: z.boolean().optional(), severeAsHashes: z.boolean().optional() });
export type UpdatePreferencesInput = z.input<typeof updatePreferencesInput>;
export interface MediaPreferences { blurMedia: boolean; grayscaleMedia: boolean; severeAsHashes: boolean }

const select = { blurMedia: true, grayscaleMedia: true, severeAsHashes: true } as const;

export async function updatePreferences({ ctx, input }: { ctx: Ctx; input: UpdatePreferencesInput }): Promise<MediaPreferences> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'preferences belong to a person');
  const data = updatePreferencesInput.parse(input);
  const userId = ctx.actor.id;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select });
    if (!before) throw new AppError('not_found', 'user not found');
    const after = await tx.user.update({ where: { id: userId }, data, select });
    // Turning protection off is worth an audit trail: it changes what this person is exposed to.
    await recordEvent(tx, { actor: ctx.actor, action: 'user.preferences_updated', targetType: 'user', targetId: userId, details: { from: before, to: after } });
    return after;
  });
}
