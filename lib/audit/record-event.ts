/**
 * Appends one audit event inside the caller's transaction (fail-closed: if the audit insert fails, the
 * change rolls back). A transaction-scoped advisory lock serializes appends so the chain stays linear
 * even with several web and worker processes.
 */
import type { Tx } from '@/lib/db';
import { actorId, actorLabel, type Actor } from './actor';
import { GENESIS_HASH, hashEvent } from './chain';
import { redactSecrets } from './redact';

const AUDIT_LOCK = 72_451_904;

export interface AuditInput {
  actor: Actor;
  action: string; // dotted: entity.verb, e.g. "report.resolve.requested"
  targetType?: string | null;
  targetId?: string | null;
  instanceId?: string | null;
  details?: Record<string, unknown>;
}

export async function recordEvent(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const seq = (last?.seq ?? BigInt(0)) + BigInt(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: Postgres timestamp(3) keeps exactly what we hash.
  const at = new Date();
  const details = JSON.parse(JSON.stringify(redactSecrets(input.details ?? {}))) as Record<string, unknown>;
  const fields = {
    seq,
    at,
    actorType: input.actor.type,
    actorId: actorId(input.actor),
    actorLabel: actorLabel(input.actor),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    instanceId: input.instanceId ?? (input.actor.type === 'webhook' ? input.actor.instanceId : null),
    details,
    ip: input.actor.type === 'user' ? (input.actor.ip ?? null) : null,
    prevHash,
  };
  const hash = hashEvent(fields);
  await tx.auditEvent.create({ data: { ...fields, details: details as object, hash } });
  return { seq, hash };
}
