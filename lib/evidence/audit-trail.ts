/**
 * The chain of custody in an export: the case's audit events (targetType 'case') in seq order, one JSON object per
 * line, with the chain fields (prevHash, hash, chainVersion) so a reader can see the links. The MACs need the
 * install's audit key to recompute: the recipient checks them by asking the operator to run `evidence verify`.
 * The moderators' IP addresses are left out: custody needs who and when, not where from.
 */
import { db } from '@/lib/db';
import { canonicalJson } from './canonical-json';

export async function caseAuditTrail(caseId: string): Promise<string> {
  const rows = await db.auditEvent.findMany({ where: { targetType: 'case', targetId: caseId }, orderBy: { seq: 'asc' } });
  return rows.map((r) => canonicalJson({
    seq: String(r.seq), at: r.at.toISOString(), actorType: r.actorType, actorLabel: r.actorLabel, action: r.action,
    targetType: r.targetType, targetId: r.targetId, instanceId: r.instanceId, details: r.details,
    prevHash: r.prevHash, hash: r.hash, chainVersion: r.chainVersion,
  })).map((line) => `${line}\n`).join('');
}
