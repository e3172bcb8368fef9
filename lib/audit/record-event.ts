/**
 * Appends one audit event inside the caller's transaction (fail-closed: if the audit insert fails, the
 * change rolls back). A transaction-scoped advisory lock serializes appends so the chain stays linear
 * even with several web and worker processes. The row carries an HMAC with the audit key (chain version 2)
 * and the signed head advances in the same transaction.
 */
import type { Tx } from '@/lib/db';
import { deriveKey } from '@/lib/crypto/master-key';
import { actorId, actorLabel, type Actor } from './actor';
import { HEAD_ID, readHeadForAppend } from './audit-head';
import { KEYED_CHAIN, macEvent } from './chain';
import { redactSecrets } from './redact';
import { sealHead } from './seal';

/** Serializes appends and checkpoints. */
export const AUDIT_LOCK = 72_451_904;

export interface AuditInput {
  actor: Actor;
  action: string; // dotted: entity.verb, e.g. "report.resolve.requested"
  targetType?: string | null;
  targetId?: string | null;
  instanceId?: string | null;
  details?: Record<string, unknown>;
}

export async function recordEvent(tx: Tx, input: AuditInput): Promise<{ seq: bigint; hash: string }> {
  const key = await deriveKey('audit'); // before the lock: a first call may read the key file
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const head = await readHeadForAppend(tx, key);
  const seq = head.lastSeq + BigInt(1);
  const prevHash = head.lastHash;
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
  const hash = macEvent(fields, key);
  await tx.auditEvent.create({ data: { ...fields, details: details as object, hash, chainVersion: KEYED_CHAIN } });
  const end = { count: head.count + BigInt(1), lastSeq: seq, lastHash: hash, at };
  await tx.auditHead.update({ where: { id: HEAD_ID }, data: { count: end.count, lastSeq: seq, lastHash: hash, updatedAt: at, mac: sealHead(end, key) } });
  return { seq, hash };
}
