/** The actor's own live sessions, newest activity first, this one marked `current`. */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { describeDevice } from './describe-device';
import type { SessionView } from './types';

export async function listSessions({ ctx }: { ctx: Ctx }, now = new Date()): Promise<SessionView[]> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'sessions belong to a person');
  const current = ctx.actor.sessionId ?? null;
  const rows = await db.authSession.findMany({
    where: { userId: ctx.actor.id, endedAt: null, expiresAt: { gt: now } },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    method: r.method,
    device: describeDevice(r.userAgent),
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    current: r.id === current,
  }));
}
