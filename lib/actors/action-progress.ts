/** The status of the actions an "apply everywhere" queued, for the panel that follows them (visible ones only). */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ActionProgress } from './types';

const ids = z.array(z.uuid()).max(200);

export async function actionProgress({ ctx, input }: { ctx: Ctx; input: { actionIds: string[] } }): Promise<ActionProgress[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'action progress needs a staff actor');
  const parsed = ids.safeParse(input.actionIds);
  if (!parsed.success) throw new AppError('bad_request', 'bad action ids', { userMessage: 'The action ids were not valid.' });
  if (parsed.data.length === 0) return [];
  const visible = visibleInstanceIds(ctx.actor);
  const rows = await db.action.findMany({
    where: { id: { in: parsed.data }, ...(visible === null ? {} : { instanceId: { in: visible } }) },
    select: { id: true, status: true, lastError: true },
  });
  return rows.map((r) => ({ id: r.id, status: r.status, lastError: r.lastError }));
}
