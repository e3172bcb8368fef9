/**
 * Changes a pseudonym: anyone their own, an admin anyone's (only owners touch owners). The pseudonym is what
 * servers see in place of a person, so it must be unique in the team; a taken one is refused with words.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor, Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { pseudonymSchema } from './pseudonym-rules';

export const changePseudonymInput = z.object({ userId: z.uuid(), pseudonym: pseudonymSchema });
export type ChangePseudonymInput = z.input<typeof changePseudonymInput>;

function mayChange(actor: Actor, targetId: string, targetRole: Role): boolean {
  if (actor.type === 'user' && actor.id === targetId) return true;
  if (!hasRole(actor, 'admin')) return false;
  return targetRole !== 'owner' || actor.type === 'system' || (actor.type === 'user' && actor.role === 'owner');
}

function taken(pseudonym: string): AppError {
  return new AppError('conflict', 'pseudonym taken', { userMessage: `"${pseudonym}" is already someone's pseudonym. Choose another.` });
}

export async function changePseudonym({ ctx, input }: { ctx: Ctx; input: ChangePseudonymInput }): Promise<{ pseudonym: string }> {
  const parsed = changePseudonymInput.safeParse(input);
  // The rule's own words reach the person (a bare validation error would only say the request was not valid).
  if (!parsed.success) throw new AppError('bad_request', 'invalid pseudonym', { userMessage: parsed.error.issues[0]?.message ?? 'That is not a valid pseudonym.' });
  const data = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, role: true, pseudonym: true } });
      if (!user) throw new AppError('not_found', 'user not found', { userMessage: 'That person is not on the team.' });
      if (!mayChange(ctx.actor, user.id, user.role)) throw new AppError('forbidden', 'pseudonym change not allowed', { userMessage: "You cannot change this person's pseudonym." });
      if (user.pseudonym === data.pseudonym) return { pseudonym: user.pseudonym };
      const other = await tx.user.findFirst({ where: { pseudonym: { equals: data.pseudonym, mode: 'insensitive' }, id: { not: user.id } }, select: { id: true } });
      if (other) throw taken(data.pseudonym);
      await tx.user.update({ where: { id: user.id }, data: { pseudonym: data.pseudonym } });
      await recordEvent(tx, { actor: ctx.actor, action: 'user.pseudonym_changed', targetType: 'user', targetId: user.id, details: { from: user.pseudonym, to: data.pseudonym } });
      return { pseudonym: data.pseudonym };
    });
  } catch (e) {
    // Two people choosing the same one at once: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw taken(data.pseudonym);
    throw e;
  }
}
