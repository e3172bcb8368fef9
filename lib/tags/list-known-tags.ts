/** The team's tags with how often each is used, most used first (suggestions for the tag input). */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function listKnownTags({ ctx }: { ctx: Ctx }): Promise<{ tag: string; count: number }[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'tags need staff');
  const rows = await db.subjectTag.groupBy({ by: ['tag'], _count: { _all: true }, orderBy: [{ _count: { tag: 'desc' } }, { tag: 'asc' }], take: 200 });
  return rows.map((r) => ({ tag: r.tag, count: r._count._all }));
}
