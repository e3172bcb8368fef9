/**
 * Takes a signed checkpoint of the log's current end and stores it (AuditCheckpoint). Under the append lock, and
 * only when the head matches the log's last row and its MAC: a checkpoint must never vouch for a tampered log.
 */
import { db, type Tx } from '@/lib/db';
import { deriveKey } from '@/lib/crypto/master-key';
import { AUDIT_LOCK } from './record-event';
import { readHeadForAppend } from './audit-head';
import type { Checkpoint } from './checkpoint-file';
import { sealCheckpoint } from './seal';

export async function createCheckpointIn(tx: Tx, now: Date = new Date()): Promise<Checkpoint> {
  const key = await deriveKey('audit');
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const head = await readHeadForAppend(tx, key);
  const end = { count: head.count, lastSeq: head.lastSeq, lastHash: head.lastHash, at: now };
  const mac = sealCheckpoint(end, key);
  await tx.auditCheckpoint.create({ data: { ...end, mac } });
  return { ...end, mac };
}

export function createCheckpoint(now?: Date): Promise<Checkpoint> {
  return db.$transaction((tx) => createCheckpointIn(tx, now));
}
