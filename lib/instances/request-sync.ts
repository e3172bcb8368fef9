import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, canActOn } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueInstanceSync } from '@/lib/jobs/enqueue';

export async function requestSync({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  assertAllowed(canActOn(ctx.actor, input.id), 'instance.sync');
  const exists = await db.instance.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'instance not found');
  await enqueueInstanceSync(input.id, 'manual');
}
