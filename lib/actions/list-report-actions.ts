import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, canActOn, canRequestAction, canSeeInstance } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { staffLabeler } from '@/lib/team/staff-labeler';

/** What the action panel needs: what this server can do, the target, and every action with its state. */
export async function listReportActions({ ctx, input }: { ctx: Ctx; input: { reportId: string } }) {
  const report = await db.report.findUnique({
    where: { id: input.reportId },
    select: {
      id: true, status: true, category: true, instanceId: true,
      instance: { select: { kind: true, name: true } },
      target: { select: { acct: true, domain: true, suspended: true, silenced: true, sensitized: true, disabled: true } },
      actions: {
        orderBy: { createdAt: 'desc' },
        take: 50,
        select: { id: true, kind: true, payload: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true, finishedAt: true, requestedById: true, requestedBy: { select: { email: true } } },
      },
    },
  });
  if (!report) throw new AppError('not_found', 'report not found');
  assertAllowed(canSeeInstance(ctx.actor, report.instanceId), 'report.read');
  const label = await staffLabeler(ctx.actor, report.actions.map((a) => a.requestedById));
  return {
    report: { id: report.id, status: report.status, category: report.category },
    instance: report.instance,
    target: report.target,
    capabilities: capabilitiesFor(report.instance.kind as ServerKind),
    canAct: canActOn(ctx.actor, report.instanceId),
    canDeleteAccounts: canRequestAction(ctx.actor, report.instanceId, 'account.delete'),
    actions: report.actions.map(({ requestedById, ...a }) => ({ ...a, requestedBy: a.requestedBy ? label(requestedById, a.requestedBy.email) : null })),
  };
}
