/**
 * Saves the current queue filter under a name, for its author or (moderators and up) the whole team. Audited so a
 * shared filter's author can be found; a second filter with the same name is refused rather than overwritten.
 */
import { z } from 'zod';
import { actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { normalizeQueueQuery } from './normalize-query';
import type { SavedFilterItem } from './types';

export const savedFilterInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the filter a name.').max(60, 'Use at most 60 characters for the name.'),
  query: z.string().max(2000, 'This filter is too long.'),
  shared: z.boolean().default(false),
}).strict();

export async function createSavedFilter({ ctx, input }: { ctx: Ctx; input: z.input<typeof savedFilterInputSchema> }): Promise<SavedFilterItem> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('forbidden', 'saved filters belong to people');
  const parsed = savedFilterInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid saved filter', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid filter.' });
  const { name, shared } = parsed.data;
  if (shared && !hasRole(actor, 'moderator')) throw new AppError('forbidden', 'viewer cannot share filters', { userMessage: 'Only moderators and admins can share a filter with the team.' });
  const query = normalizeQueueQuery(parsed.data.query);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.savedFilter.create({ data: { userId: actor.id, name, query, shared } });
      await recordEvent(tx, { actor, action: 'saved_filter.created', targetType: 'saved_filter', targetId: row.id, details: { name, query, shared } });
      return { id: row.id, name, query, shared, mine: true, ownerLabel: actorLabel(actor), createdAt: row.createdAt.toISOString() };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'saved filter name taken', { userMessage: `You already have a filter called “${name}”.` });
    }
    throw e;
  }
}
