/** GET /api/cases/[id]/forwards: the ways to reach the origin and the forwards made so far (viewers see it too). */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canEditCase } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { LIVE_STATES, loadForwardViews } from './forward-view';
import { loadForwardContext } from './load-forward-context';
import { planForwards } from './plan-forwards';
import type { CaseForwardPanel } from './types';

export async function getCaseForwardPanel({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<CaseForwardPanel> {
  const caseId = parseCaseId(input.caseId);
  const context = await loadForwardContext(db, ctx.actor, caseId);
  const domain = context.case.originDomain?.toLowerCase() ?? null;
  const forwards = await loadForwardViews(db, caseId, await staffLabeler(ctx.actor, (await db.caseForward.findMany({ where: { caseId }, select: { createdById: true } })).map((f) => f.createdById)));
  // The planned payloads (remote ids) stay on the server: the browser gets the option's words and key only.
  const options = planForwards(context.plan).map(({ key, method, instance, actionKind, label, unavailable }) => ({ key, method, instance, actionKind, label, unavailable }));
  return {
    domain,
    options,
    forwards,
    live: forwards.some((f) => f.domain === domain && LIVE_STATES.includes(f.state)),
    can: { forward: domain !== null && canEditCase(ctx.actor, context.instanceIds) },
  };
}
