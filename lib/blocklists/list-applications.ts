/** The history of blocklist applications (apply, undo, automatic retraction), newest first: viewers and up. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { toApplicationViews } from './application-view';
import type { ApplicationView } from './types';

export async function listApplications({ ctx }: { ctx: Ctx; input?: unknown }): Promise<ApplicationView[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'forbidden: blocklists.history');
  const ids = visibleInstanceIds(ctx.actor);
  const apps = await db.blocklistApplication.findMany({
    // A limited moderator sees the applications that touched one of their instances.
    where: ids === null ? {} : { changes: { some: { instanceId: { in: ids } } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });
  return toApplicationViews(ctx.actor, apps);
}
