/** Lets go of a claim when the page is left. Only the holder's own claim goes; anyone else's stays untouched. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { claimSubjectSchema } from './claim-input';

export async function releaseClaim({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ released: boolean }> {
  const parsed = claimSubjectSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid claim subject', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid claim.' });
  if (ctx.actor.type !== 'user') return { released: false };
  const r = await db.softClaim.deleteMany({ where: { subjectType: parsed.data.subjectType, subjectKey: parsed.data.subjectKey, userId: ctx.actor.id } });
  return { released: r.count > 0 };
}
