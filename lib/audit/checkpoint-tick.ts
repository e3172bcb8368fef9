/**
 * The worker's periodic checkpoint (called from the scheduler tick) when AUDIT_CHECKPOINT_FILE or
 * AUDIT_CHECKPOINT_WEBHOOK_URL is set: at most one per AUDIT_CHECKPOINT_MINUTES, only when the log moved, then
 * delivered there. Right after the upgrade the head is unsigned; the first tick records one event so the head
 * gets signed without waiting for staff activity.
 */
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { HEAD_ID } from './audit-head';
import { createCheckpoint } from './create-checkpoint';
import { deliverCheckpoint, configuredTargets, type DeliveryTargets } from './deliver-checkpoint';
import { recordEvent } from './record-event';
import type { Checkpoint } from './checkpoint-file';

export async function runAuditCheckpointTick(now = new Date(), targets: DeliveryTargets = configuredTargets()): Promise<Checkpoint | null> {
  // A checkpoint kept only in the same database protects nothing; without a target there is nothing to do.
  if (!targets.file && !targets.webhookUrl) return null;
  const head = await db.auditHead.findUnique({ where: { id: HEAD_ID } });
  if (head && head.mac === null) {
    await db.$transaction((tx) => recordEvent(tx, { actor: { type: 'system', label: 'audit' }, action: 'audit.chain.keyed' }));
  }
  const last = await db.auditCheckpoint.findFirst({ orderBy: { id: 'desc' } });
  if (last && now.getTime() - last.at.getTime() < env().AUDIT_CHECKPOINT_MINUTES * 60_000) return null;
  const current = await db.auditHead.findUnique({ where: { id: HEAD_ID } });
  if (last && current && current.lastSeq === last.lastSeq && current.lastHash === last.lastHash) return null;
  const checkpoint = await createCheckpoint(now);
  await deliverCheckpoint(checkpoint, targets);
  return checkpoint;
}
