/**
 * Asks every connected instance whether it holds a case's item ("Search again" is the same call): each instance
 * that is not disabled gets a queued lookup row, the request is audited, and the job (run-copy-search.ts) runs
 * them after commit. A case is the collective's, so ALL instances are asked, also those the actor cannot see:
 * a lookup is a read of the instance's own database, and its answer is shown on the case to whoever may see it.
 * If the job cannot be queued, the scheduler tick finds the queued rows and queues it (claim-lookups.ts).
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueCopySearch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { canEditCase, canSeeCase, caseInstanceIds } from './case-access';

const log = logger('cases');
const input = z.object({ caseId: z.uuid() });

export async function requestCopySearch({ ctx, input: raw }: { ctx: Ctx; input: { caseId: string } }): Promise<{ instances: number }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'case.search');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'case id is not a uuid');
  const { caseId } = parsed.data;
  const instances = await db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true } });
    if (!c) throw new AppError('not_found', `case ${caseId} not found`);
    // A moderator limited to some instances searches only cases they can see and change (as every case verb).
    if (visibleInstanceIds(ctx.actor) !== null) {
      const touched = await caseInstanceIds(tx, caseId);
      if (!canSeeCase(ctx.actor, touched)) throw new AppError('not_found', `case ${caseId} not visible`);
      assertAllowed(canEditCase(ctx.actor, touched), 'case.search');
    }
    // A running row is re-queued too: its worker's result is then discarded (its claim no longer matches) and
    // the instance is asked afresh, so the answer is never older than the request.
    const rows = await tx.$queryRaw<{ n: bigint }[]>`
      WITH up AS (
        INSERT INTO "CaseLookup" (id, "caseId", "instanceId", status, "requestedAt")
        SELECT gen_random_uuid(), ${caseId}::uuid, i.id, 'queued', now() FROM "Instance" i WHERE i.status <> 'disabled'
        ON CONFLICT ("caseId", "instanceId") DO UPDATE
          SET status = 'queued', "requestedAt" = now(), detail = NULL, found = 0, "startedAt" = NULL, "finishedAt" = NULL, "leaseUntil" = NULL
        RETURNING 1
      ) SELECT count(*) AS n FROM up`;
    const n = Number(rows[0]?.n ?? 0);
    await recordEvent(tx, { actor: ctx.actor, action: 'case.lookup_requested', targetType: 'case', targetId: caseId, details: { instances: n } });
    return n;
  });
  if (instances > 0) {
    await enqueueCopySearch(caseId).catch((e: unknown) => log.warn('copy search not queued; the scheduler will', { caseId, error: e instanceof Error ? e.message : String(e) }));
  }
  return { instances };
}
