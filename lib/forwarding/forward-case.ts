/**
 * Forwards a case to its origin's moderators by one planned option (the key the panel showed). Outbox options write
 * the Action, the CaseForward (queued) and `forward.requested` in one transaction and wake the outbox, which keeps
 * the forward's state in step (perform-action.ts); the message option looks the origin's contact up first, then
 * writes the prepared text. One live forward per case and origin: a second is refused (and the partial unique
 * index settles a race), while a failed or discarded one can be replaced.
 */
import { db, type Tx } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { canEditCase, loadCaseForChange } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import type { FetchLike } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { enqueueAction } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { signatureFor } from '@/lib/team/sign-outbound';
import { forwardComment } from './forward-comment';
import { FORWARD_ROW, LIVE_STATES, withErrors } from './forward-view';
import { loadForwardContext } from './load-forward-context';
import { planForwards, type PlannedForward } from './plan-forwards';
import { prepareMessage } from './prepare-message';
import type { ForwardView } from './types';

const log = logger('forwarding');

export async function forwardCase({ ctx, input }: { ctx: Ctx; input: { caseId: string; key: string } }, deps: { fetch?: FetchLike } = {}): Promise<ForwardView> {
  const caseId = parseCaseId(input.caseId);
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'forward');
  const context = await loadForwardContext(db, ctx.actor, caseId);
  assertAllowed(canEditCase(ctx.actor, context.instanceIds), 'forward');
  const domain = context.case.originDomain?.toLowerCase();
  if (!domain) throw new AppError('bad_request', 'case has no origin domain', { userMessage: 'The case does not know its origin server, so there is nowhere to forward it.' });
  const option = planForwards(context.plan).find((o) => o.key === input.key);
  if (!option) throw new AppError('bad_request', `unknown forward option ${input.key}`, { userMessage: 'That way to forward is not available any more: reload the page and choose again.' });
  if (option.unavailable) throw new AppError('forbidden', `forward option ${option.key} unavailable`, { userMessage: option.unavailable });
  await refuseLive(db, caseId, domain);
  const prepared = option.send ? null : await prepareMessage(context, domain, deps.fetch, ctx.actor);
  const signature = option.send ? await signatureFor(ctx.actor) : undefined;
  let row;
  try {
    row = await db.$transaction(async (tx) => {
      await loadCaseForChange(tx, ctx.actor, caseId);
      await refuseLive(tx, caseId, domain);
      const actionId = option.send ? await queueAction(tx, ctx, caseId, option, forwardComment(context.case, signature)) : null;
      const created = await tx.caseForward.create({
        data: {
          caseId, domain, method: option.method, instanceId: option.instance?.id ?? null, actionId, state: prepared ? 'prepared' : 'queued',
          message: prepared?.message ?? null, contact: prepared?.contact ?? null, contactSource: prepared?.contactSource ?? null,
          createdById: actorId(ctx.actor), createdByLabel: actorLabel(ctx.actor),
        },
        include: FORWARD_ROW,
      });
      await recordEvent(tx, {
        actor: ctx.actor, action: prepared ? 'forward.prepared' : 'forward.requested', targetType: 'case', targetId: caseId, instanceId: option.instance?.id ?? null,
        details: { forwardId: created.id, method: option.method, instanceId: option.instance?.id ?? null, domain, ...(actionId ? { actionId, actionKind: option.actionKind } : { contactFound: prepared?.contact !== null, contactSource: prepared?.contactSource ?? null }) },
      });
      return created;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw alreadyForwarded(domain);
    throw e;
  }
  // If this fails the outbox poller finds the pending action.
  if (row.actionId) await enqueueAction(row.actionId).catch((e) => log.warn('enqueue failed; the outbox poll will send it', { actionId: row.actionId, error: String(e) }));
  return (await withErrors(db, [row]))[0];
}

async function queueAction(tx: Tx, ctx: Ctx, caseId: string, option: PlannedForward, comment: string): Promise<string> {
  const send = option.send;
  if (!send || !option.instance) throw new AppError('internal', 'outbox forward without a send');
  const payload = send.kind === 'report.forward' ? { kind: send.kind, reportId: send.reportId } : { ...send, comment };
  const action = await tx.action.create({
    data: { instanceId: option.instance.id, kind: send.kind, payload, caseId, requestedById: actorId(ctx.actor), reportId: send.kind === 'report.forward' ? send.localReportId : null },
    select: { id: true },
  });
  return action.id;
}

async function refuseLive(tx: Tx | typeof db, caseId: string, domain: string): Promise<void> {
  const live = await tx.caseForward.findFirst({ where: { caseId, domain, state: { in: LIVE_STATES } }, select: { id: true } });
  if (live) throw alreadyForwarded(domain);
}

function alreadyForwarded(domain: string): AppError {
  return new AppError('conflict', `case already forwarded to ${domain}`, { userMessage: `Already forwarded to ${domain}.` });
}
