/** Marks my own mentions seen (some by id, or all); someone else's ids are silently not mine to touch. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';

export const markSeenInput = z.union([
  z.object({ ids: z.array(z.uuid('Not a mention id.')).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
], { message: 'Give the mention ids, or all: true.' });

export async function markMentionsSeen({ ctx, input }: { ctx: Ctx; input: z.input<typeof markSeenInput> }): Promise<{ updated: number }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'the inbox is a person\'s');
  const parsed = markSeenInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid mark-seen', { userMessage: 'Give the mention ids, or all: true.' });
  const where = 'ids' in parsed.data ? { id: { in: parsed.data.ids } } : {};
  const out = await db.noteMention.updateMany({ where: { ...where, userId: ctx.actor.id, seenAt: null }, data: { seenAt: new Date() } });
  return { updated: out.count };
}
