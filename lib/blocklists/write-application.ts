/**
 * Writes one blocklist application (apply, undo, auto-retract) through the outbox: the application, one change row
 * per domain and instance, ONE domain.blocks_reconcile action per instance carrying all of that instance's changes,
 * and the audit events, in one transaction (all or nothing); then wakes the worker. The connector reads the
 * server's list before writing, so a retried or re-claimed action converges instead of creating twice.
 */
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import { actorId, type Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { ConnectorAction, DomainBlockTarget } from '@/lib/connectors/types';
import { enqueueAction } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import type { ApplyOp, CurrentBlock } from './types';

const log = logger('blocklists');
/** Serializes applications and undos, so two never interleave their change rows on one instance. */
export const BLOCKLIST_APPLY_LOCK = 72_451_913;

export interface PlannedChange {
  instanceId: string;
  domain: string;
  op: ApplyOp;
  before: CurrentBlock | null;
  after: DomainBlockTarget | null;
  sourceIds: string[];
}

export interface ApplicationSummary {
  instances: number;
  add: number;
  raise: number;
  lower: number;
  update: number;
  remove: number;
}

export function summarize(changes: { instanceId: string; op: string }[]): ApplicationSummary {
  const s: ApplicationSummary = { instances: new Set(changes.map((c) => c.instanceId)).size, add: 0, raise: 0, lower: 0, update: 0, remove: 0 };
  for (const c of changes) if (c.op in s && c.op !== 'instances') s[c.op as ApplyOp]++;
  return s;
}

/** The server keeps a private comment where it can: it names the application, never a person. */
function sentTarget(after: DomainBlockTarget | null, applicationId: string): DomainBlockTarget | null {
  return after ? { ...after, privateComment: `Fedimod blocklist application ${applicationId}` } : null;
}

export interface WriteApplicationInput {
  actor: Actor;
  kind: 'apply' | 'undo' | 'auto_retract';
  undoOfId?: string;
  changes: PlannedChange[];
  instanceNames: Map<string, string>;
  /** blocklist.applied | blocklist.undo.requested | blocklist.auto_retracted */
  auditAction: string;
  auditDetails?: Record<string, unknown>;
  /** Runs first inside the transaction, under the lock (e.g. claim the undo of the original). */
  before?: (tx: Tx) => Promise<void>;
}

export async function writeApplication(w: WriteApplicationInput): Promise<{ applicationId: string; actionIds: string[] }> {
  const applicationId = randomUUID();
  const byInstance = new Map<string, PlannedChange[]>();
  for (const c of w.changes) byInstance.set(c.instanceId, [...(byInstance.get(c.instanceId) ?? []), c]);
  const summary = summarize(w.changes);
  const actionIds = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${BLOCKLIST_APPLY_LOCK})`);
    if (w.before) await w.before(tx);
    await tx.blocklistApplication.create({
      data: { id: applicationId, kind: w.kind, requestedById: actorId(w.actor), undoOfId: w.undoOfId ?? null, summary: { ...summary } },
    });
    const ids: string[] = [];
    for (const [instanceId, changes] of byInstance) {
      const payload: ConnectorAction = { kind: 'domain.blocks_reconcile', changes: changes.map((c) => ({ domain: c.domain, target: sentTarget(c.after, applicationId) })) };
      const action = await tx.action.create({
        data: { instanceId, reportId: null, kind: payload.kind, payload: payload as object, requestedById: actorId(w.actor), blocklistApplicationId: applicationId },
        select: { id: true },
      });
      ids.push(action.id);
      await tx.blocklistChange.createMany({
        data: changes.map((c) => ({
          applicationId, instanceId, domain: c.domain, op: c.op, sourceIds: c.sourceIds, actionId: action.id,
          before: c.before ? (c.before as object) : undefined, after: c.after ? (c.after as object) : undefined,
        })),
      });
      await recordEvent(tx, {
        actor: w.actor, action: 'domain.blocks_reconcile.requested', targetType: 'blocklist_application', targetId: applicationId, instanceId,
        details: { actionId: action.id, counts: summarize(changes) },
      });
    }
    await recordEvent(tx, {
      actor: w.actor, action: w.auditAction, targetType: 'blocklist_application', targetId: applicationId,
      details: { kind: w.kind, counts: summary, instances: [...byInstance.keys()].map((id) => w.instanceNames.get(id) ?? id), ...(w.undoOfId ? { undoOf: w.undoOfId } : {}), ...w.auditDetails },
    });
    return ids;
  }, { timeout: 60_000 });
  for (const id of actionIds) {
    // A failed wake-up is picked up by the outbox poll; the rows are already safe.
    await enqueueAction(id).catch((e) => log.warn('enqueue failed; the outbox poll will pick it up', { actionId: id, error: String(e) }));
  }
  return { applicationId, actionIds };
}
