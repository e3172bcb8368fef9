/**
 * How one exported row is written in each format (pure). CSV details use the same canonical JSON the chain
 * hashes, so a reviewer sees exactly the hashed content; the JSON export keeps details as real JSON.
 */
import type { AuditExportRow } from './audit-item';
import { canonicalJson } from './chain';
import { csvLine } from './csv';

export const CSV_HEADER = ['seq', 'at', 'actor_type', 'actor', 'action', 'target_type', 'target_id', 'instance_id', 'instance', 'ip', 'details', 'prev_hash', 'hash', 'chain_version'];

export function csvHeaderLine(): string {
  return csvLine(CSV_HEADER);
}

export function csvRowLine(r: AuditExportRow): string {
  return csvLine([
    r.seq, r.at, r.actorType, r.actorLabel, r.action, r.targetType, r.targetId, r.instanceId, r.instanceName, r.ip,
    canonicalJson(r.details), r.prevHash, r.hash, String(r.chainVersion),
  ]);
}

/** Fixed key order, so exports diff cleanly between runs. */
export function jsonRow(r: AuditExportRow): string {
  return JSON.stringify({
    seq: r.seq, at: r.at, actorType: r.actorType, actorId: r.actorId, actorLabel: r.actorLabel, action: r.action,
    targetType: r.targetType, targetId: r.targetId, instanceId: r.instanceId, instanceName: r.instanceName,
    details: r.details, ip: r.ip, prevHash: r.prevHash, hash: r.hash, chainVersion: r.chainVersion,
  });
}
