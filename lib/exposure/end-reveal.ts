/**
 * The browser says a reveal left the screen (navigator.sendBeacon on hide, unload or re-blur): the event gets its
 * end and duration. Only the person's own reveals; the first end wins, so a beacon sent twice (pagehide and
 * visibilitychange both fire) changes nothing. Durations are capped at 4 hours: a tab left open overnight says
 * nothing about how long someone looked.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, canViewOriginals } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export const MAX_REVEAL_MS = 4 * 60 * 60 * 1000;
const input = z.object({ id: z.uuid() });

export async function endReveal({ ctx, input: raw }: { ctx: Ctx; input: { id: string } }): Promise<{ id: string; durationMs: number | null }> {
  assertAllowed(canViewOriginals(ctx.actor), 'exposure.end_reveal');
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'only people reveal');
  const { id } = input.parse(raw);
  const own = { id, userId: ctx.actor.id, kind: 'reveal' as const };
  const row = await db.exposureEvent.findFirst({ where: own, select: { startedAt: true, durationMs: true, endedAt: true } });
  if (!row) throw new AppError('not_found', 'reveal not found', { userMessage: 'No such reveal.' });
  if (row.endedAt) return { id, durationMs: row.durationMs };
  const now = new Date();
  const durationMs = Math.min(Math.max(now.getTime() - row.startedAt.getTime(), 0), MAX_REVEAL_MS);
  // endedAt: null in the where makes a concurrent second beacon a no-op instead of a second write.
  const done = await db.exposureEvent.updateMany({ where: { ...own, endedAt: null }, data: { endedAt: now, durationMs } });
  if (done.count === 1) return { id, durationMs };
  const again = await db.exposureEvent.findFirst({ where: own, select: { durationMs: true } });
  return { id, durationMs: again?.durationMs ?? null };
}
