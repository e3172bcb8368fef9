/**
 * "Suspend everywhere" / "block everywhere": one request becomes one outbox Action per instance that can take it,
 * written with their audit events in one transaction (all or nothing), then woken up for the worker. Instances
 * the actor cannot see are never mentioned; every other one gets a line saying queued or why not.
 */
import { db } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { canRequestAction, hasRole } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ConnectorAction, ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { enqueueAction } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { applyEverywhereInput, type ApplyAction, type ApplySubject } from './apply-input';
import { domainBlocks } from './domain-blocks';
import { findAccounts, type FoundAccount } from './find-accounts';
import { parseHandle } from './handle';
import { planApply, type PlanRow, type PlanTarget } from './plan-apply';
import type { ApplyEverywhereResult, ApplyResultRow } from './types';
import { visibleInstances } from './visible-instances';

const log = logger('actors');

function payloadFor(action: ApplyAction, row: Extract<PlanRow, { outcome: 'queued' }>, domain: string): ConnectorAction {
  if (action.kind === 'account.action') {
    // notify false: one decision across many servers should not send the person one e-mail per server.
    return { kind: 'account.action', accountId: row.remoteAccountId ?? '', type: action.type, text: action.text || undefined, notify: false };
  }
  return {
    kind: 'domain.block', domain, severity: action.severity, rejectMedia: action.rejectMedia, rejectReports: action.rejectReports,
    obfuscate: false, publicComment: action.publicComment || undefined, privateComment: action.privateComment || undefined,
  };
}

/** An account page may also block the account's domain: that is a request about the domain. */
function normalize(subject: ApplySubject, action: ApplyAction): { subject: ApplySubject; domain: string } {
  if (subject.type === 'domain') {
    if (action.kind !== 'domain.block') throw new AppError('bad_request', 'account action on a domain', { userMessage: 'A domain can only be blocked, not suspended.' });
    return { subject, domain: subject.domain };
  }
  const { domain } = parseHandle(subject.handle);
  return action.kind === 'domain.block' ? { subject: { type: 'domain', domain }, domain } : { subject, domain };
}

export async function applyEverywhere({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ApplyEverywhereResult> {
  const parsed = applyEverywhereInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid apply-everywhere input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'apply everywhere needs moderator');
  const { action } = parsed.data;
  const { subject, domain } = normalize(parsed.data.subject, action);
  let instances = await visibleInstances(ctx.actor);
  if (parsed.data.instanceIds) {
    const chosen = new Set(parsed.data.instanceIds);
    instances = instances.filter((i) => chosen.has(i.id));
  }
  const ids = instances.map((i) => i.id);
  const accounts = new Map<string, FoundAccount>();
  if (subject.type === 'account') {
    const { username } = parseHandle(subject.handle);
    for (const a of await findAccounts(username, domain, ids)) if (!accounts.has(a.instanceId)) accounts.set(a.instanceId, a);
  }
  const blocks = await domainBlocks(domain, ids);
  const targets: PlanTarget[] = instances.map((i) => ({
    instance: i,
    caps: capabilitiesFor(i.kind as ServerKind),
    canRequest: canRequestAction(ctx.actor, i.id, action.kind),
    account: subject.type === 'account' ? (accounts.get(i.id) ?? null) : undefined,
    block: blocks.get(i.id) ?? null,
    domain: subject.type === 'domain' ? domain : undefined,
  }));
  const plan = planApply(action, targets);
  const asResult = (r: PlanRow): ApplyResultRow =>
    r.outcome === 'queued' ? { instanceId: r.instanceId, name: r.name, outcome: 'queued' } : { instanceId: r.instanceId, name: r.name, outcome: 'skipped', reason: r.reason };
  if (parsed.data.preview) return { preview: true, results: plan.map(asResult) };
  const queued = plan.filter((r): r is Extract<PlanRow, { outcome: 'queued' }> => r.outcome === 'queued');
  // Nothing anywhere: nothing changes, so nothing to audit; the list says why for each instance.
  if (queued.length === 0) return { preview: false, results: plan.map(asResult) };
  // The report an account action comes from (the latest against it there) lets the worker check the server
  // after an uncertain send; a domain block stands on its own.
  const latestReport = new Map<string, string>();
  if (subject.type === 'account') {
    const reports = await db.report.findMany({
      where: { targetId: { in: queued.map((r) => accounts.get(r.instanceId)!.id) } },
      select: { id: true, instanceId: true }, orderBy: [{ remoteCreatedAt: 'desc' }, { id: 'desc' }],
    });
    for (const r of reports) if (!latestReport.has(r.instanceId)) latestReport.set(r.instanceId, r.id);
  }
  const targetType = subject.type;
  const targetId = subject.type === 'account' ? subject.handle : subject.domain;
  const results = await db.$transaction(async (tx) => {
    const written = new Map<string, string>();
    for (const r of queued) {
      const payload = payloadFor(action, r, domain);
      const row = await tx.action.create({
        data: { instanceId: r.instanceId, reportId: latestReport.get(r.instanceId) ?? null, kind: action.kind, payload: payload as object, requestedById: actorId(ctx.actor) },
        select: { id: true },
      });
      written.set(r.instanceId, row.id);
      await recordEvent(tx, {
        actor: ctx.actor, action: `${action.kind}.requested`, targetType, targetId, instanceId: r.instanceId,
        details: { actionId: row.id, everywhere: true, reportId: latestReport.get(r.instanceId) ?? null, ...payload },
      });
    }
    const out = plan.map((r): ApplyResultRow => ({ ...asResult(r), ...(written.has(r.instanceId) ? { actionId: written.get(r.instanceId) } : {}) }));
    await recordEvent(tx, { actor: ctx.actor, action: `${targetType}.apply_everywhere.requested`, targetType, targetId, details: { action, results: out } });
    return out;
  });
  for (const r of results) {
    // A failed wake-up is picked up by the sweeper (scheduler.tick); the rows are already safe.
    if (r.actionId) await enqueueAction(r.actionId).catch((e) => log.warn('enqueue failed; sweeper will retry', { actionId: r.actionId, error: String(e) }));
  }
  return { preview: false, results };
}
