/** "Scan now" (moderators): queues a watch scan of every instance it can do something for and the caller can see. */
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { enqueueWatchScan } from '@/lib/jobs/enqueue';
import { watchableInstances } from './run-watch-scan';

export async function requestWatchScan({ ctx }: { ctx: Ctx }): Promise<{ queued: number }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'watch.scan');
  const visible = visibleInstanceIds(ctx.actor);
  const ids = (await watchableInstances()).filter((id) => !visible || visible.includes(id));
  for (const id of ids) await enqueueWatchScan(id);
  return { queued: ids.length };
}
