/** One application with its change rows (the ones on instances the actor may see) and their errors. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import type { DomainBlockTarget } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { changeFilter, toApplicationViews } from './application-view';
import type { ApplicationDetailView, ApplyOp, CurrentBlock } from './types';

const id = z.uuid();

export async function getApplication({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ApplicationDetailView> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'forbidden: blocklists.history');
  const parsed = id.safeParse(input?.id);
  if (!parsed.success) throw new AppError('not_found', 'application not found');
  const app = await db.blocklistApplication.findUnique({ where: { id: parsed.data } });
  if (!app) throw new AppError('not_found', 'application not found');
  const changes = await db.blocklistChange.findMany({
    where: { applicationId: app.id, ...changeFilter(ctx.actor) },
    include: { instance: { select: { name: true } } },
    // As people read it: by instance name, then domain (the component puts failed lines first).
    orderBy: [{ instance: { name: 'asc' } }, { instanceId: 'asc' }, { domain: 'asc' }],
  });
  // Nothing of it on the actor's instances: as if it did not exist (its domains and instances stay private).
  if (changes.length === 0 && (await db.blocklistChange.count({ where: { applicationId: app.id } })) > 0) throw new AppError('not_found', 'application not found');
  const [view] = await toApplicationViews(ctx.actor, [app]);
  return {
    ...view,
    changes: changes.map((c) => ({
      id: c.id, instanceId: c.instanceId, instanceName: c.instance.name, domain: c.domain, op: c.op as ApplyOp,
      before: c.before as CurrentBlock | null, after: c.after as DomainBlockTarget | null, sourceIds: c.sourceIds,
      state: c.state, error: c.error,
    })),
  };
}
