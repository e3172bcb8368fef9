/**
 * A moderator asks for an action. It is written to the outbox in the same transaction as its audit event
 * and carried out by the worker (perform-action.ts), so a crash between the two can lose nothing.
 * `holdSeconds` opens an undo window: the row is not due before it ends (claimAction and the sweeper both honour
 * nextAttemptAt), so cancel-action.ts can withdraw it while nothing has been sent.
 */
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canRequestAction } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { enqueueAction } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { actionInput } from './action-input';
import { signPayload } from './sign-payload';
import { toConnectorAction } from './to-connector-action';

const log = logger('actions');

export const WATCH_ITEM_REPORT_ACTION =
  'This item was caught by a watch list; there is no report on the server. Use Close to take it off the queue.';

/** Long enough to notice a wrong key, short enough that a held action never looks lost. */
export const holdSecondsSchema = z.number().int().min(0).max(10).optional();

/**
 * `alsoInTx`: a caller's own write that must commit with the outbox row or not at all (a hold stores the action's id
 * on itself, so a crash can never leave a queued action its hold does not know about). Throwing rolls both back.
 */
export async function requestAction({ ctx, input, alsoInTx }: {
  ctx: Ctx; input: { reportId: string; action: unknown; holdSeconds?: number }; alsoInTx?: (tx: Tx, actionId: string) => Promise<void>;
}): Promise<{ actionId: string; sendAt: string | null }> {
  const parsed = actionInput.parse(input.action);
  const hold = holdSecondsSchema.parse(input.holdSeconds) ?? 0;
  const report = await db.report.findUnique({
    where: { id: input.reportId },
    select: {
      id: true, remoteId: true, kind: true, instanceId: true, instance: { select: { kind: true } }, target: { select: { remoteId: true, domain: true, acct: true } },
      statuses: { select: { status: { select: { id: true, remoteId: true, media: { select: { id: true, remoteId: true, url: true } } } } } },
    },
  });
  if (!report) throw new AppError('not_found', 'report not found');
  assertAllowed(canRequestAction(ctx.actor, report.instanceId, parsed.kind), `action ${parsed.kind}`);
  // A watch item has no report on its server (remoteId `watch:…`): report.* would act on nothing there.
  if (report.kind === 'watch' && parsed.kind.startsWith('report.')) {
    throw new AppError('unsupported', `${parsed.kind} on a watch item`, { userMessage: WATCH_ITEM_REPORT_ACTION });
  }
  const caps = capabilitiesFor(report.instance.kind as ServerKind);
  if (!caps.actions.includes(parsed.kind)) {
    throw new AppError('unsupported', `${parsed.kind} unsupported on ${report.instance.kind}`, {
      userMessage: caps.notes[parsed.kind] ?? 'This server does not support that action.',
    });
  }
  const typeAllowed =
    (parsed.kind !== 'account.action' || !caps.accountActionTypes || caps.accountActionTypes.includes(parsed.type)) &&
    (parsed.kind !== 'account.undo' || !caps.accountUndoTypes || caps.accountUndoTypes.includes(parsed.type));
  if (!typeAllowed) {
    throw new AppError('unsupported', `${parsed.kind} type unsupported on ${report.instance.kind}`, {
      userMessage: caps.notes[parsed.kind] ?? 'This server does not support that account action.',
    });
  }
  const unsigned = toConnectorAction(parsed, {
    reportRemoteId: report.remoteId,
    watchItem: report.kind === 'watch',
    targetRemoteId: report.target.remoteId,
    targetDomain: report.target.domain,
    targetAcct: report.target.acct,
    statusRemoteIds: Object.fromEntries(report.statuses.map((l) => [l.status.id, l.status.remoteId])),
    mediaUrls: report.statuses.flatMap((l) => l.status.media.map((m) => m.url)),
    mediaRemoteIds: Object.fromEntries(report.statuses.flatMap((l) => l.status.media.map((m) => [m.id, m.remoteId]))),
  });
  const payload = await signPayload(unsigned, ctx.actor);
  const pattern = caps.statusIdPattern?.[parsed.kind];
  if (pattern && 'statusId' in payload && !new RegExp(pattern).test(payload.statusId)) {
    throw new AppError('unsupported', `${parsed.kind} not for status ${payload.statusId}`, {
      userMessage: caps.notes[parsed.kind] ?? 'This server cannot do that to this kind of post.',
    });
  }
  const sendAt = hold > 0 ? new Date(Date.now() + hold * 1000) : null;
  const action = await db.$transaction(async (tx) => {
    const row = await tx.action.create({
      data: { instanceId: report.instanceId, reportId: report.id, kind: parsed.kind, payload: payload as object, requestedById: actorId(ctx.actor), nextAttemptAt: sendAt },
      select: { id: true },
    });
    await recordEvent(tx, {
      actor: ctx.actor, action: `${parsed.kind}.requested`, targetType: 'report', targetId: report.id, instanceId: report.instanceId,
      details: { actionId: row.id, target: report.target.acct, ...payload, ...(hold > 0 ? { holdSeconds: hold } : {}) },
    });
    if (alsoInTx) await alsoInTx(tx, row.id);
    return row;
  });
  // If this fails the sweeper (scheduler.tick) picks the pending row up; the request itself is safe.
  await enqueueAction(action.id, sendAt ?? undefined).catch((e) => log.warn('enqueue failed; sweeper will retry', { actionId: action.id, error: String(e) }));
  return { actionId: action.id, sendAt: sendAt?.toISOString() ?? null };
}
