/**
 * Takes a watch item off the queue, or puts it back (a moderator who can act on its instance). Local only: a watch
 * item has no report on its server, so report.* actions are refused for it (request-action.ts) and this is its Close.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn, canSeeInstance } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

const closeInput = z.strictObject({ reportId: z.string(), reopen: z.boolean().optional() });

export async function closeWatchItem({ ctx, input }: { ctx: Ctx; input: { reportId: string; reopen?: boolean } }): Promise<{ id: string; status: 'open' | 'resolved' }> {
  const { reportId, reopen } = closeInput.parse(input);
  const missing = () => new AppError('not_found', 'watch item not found', { userMessage: 'That queue item no longer exists.' });
  if (!z.uuid().safeParse(reportId).success) throw missing();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id"::text AS "id" FROM "Report" WHERE "id" = ${reportId}::uuid FOR UPDATE`;
    const row = rows.length ? await tx.report.findUnique({ where: { id: reportId }, select: { id: true, kind: true, status: true, instanceId: true } }) : null;
    if (!row || !canSeeInstance(ctx.actor, row.instanceId)) throw missing();
    assertAllowed(canActOn(ctx.actor, row.instanceId), 'watch.item_close');
    if (row.kind !== 'watch') {
      throw new AppError('unsupported', 'close on a report', { userMessage: 'This is a report from the server; resolve or reject it instead.' });
    }
    const status = reopen ? ('open' as const) : ('resolved' as const);
    if (row.status === status) return { id: row.id, status };
    await tx.report.update({ where: { id: row.id }, data: { status, resolvedAt: reopen ? null : new Date() } });
    await recordEvent(tx, {
      actor: ctx.actor, action: reopen ? 'watch.item_reopened' : 'watch.item_closed', targetType: 'report', targetId: row.id, instanceId: row.instanceId,
      details: {},
    });
    return { id: row.id, status };
  });
}
