/**
 * The audit row shapes that leave the server. Instance names are looked up in a second query by id rather
 * than a relation: AuditEvent has no foreign key (events must outlive removed instances).
 */
import { db } from '@/lib/db';
import type { AuditEvent } from '@/lib/generated/prisma/client';
import type { AuditRefs } from './audit-refs';

export interface AuditItem {
  seq: string;
  at: string;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  instanceId: string | null;
  instanceName: string | null;
  details: unknown;
  ip: string | null;
  hash: string;
}

/** Exports also carry actorId and prevHash: with them every row's hash can be recomputed offline. */
export interface AuditExportRow extends AuditItem {
  actorId: string | null;
  prevHash: string;
  /** 1 = plain SHA-256 (legacy), 2 = HMAC with the audit key (lib/audit/chain.ts). */
  chainVersion: number;
}

/** The page's rows also name the actor and target with links (audit-refs.ts); exports keep the stored fields only. */
export type AuditListItem = AuditItem & AuditRefs;

export interface AuditPage {
  items: AuditListItem[];
  nextCursor: string | null;
}

/** Adds the names of instances not yet in `names` (the export reuses one map across pages). */
export async function loadInstanceNames(rows: Pick<AuditEvent, 'instanceId'>[], names = new Map<string, string>()): Promise<Map<string, string>> {
  const missing = [...new Set(rows.map((r) => r.instanceId).filter((id): id is string => id !== null && !names.has(id)))];
  if (missing.length === 0) return names;
  const found = await db.instance.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } });
  for (const i of found) names.set(i.id, i.name);
  return names;
}

export function toAuditItem(r: AuditEvent, names: Map<string, string>): AuditItem {
  return {
    seq: r.seq.toString(),
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    instanceId: r.instanceId,
    instanceName: r.instanceId ? (names.get(r.instanceId) ?? null) : null,
    details: r.details,
    ip: r.ip,
    hash: r.hash,
  };
}

export function toExportRow(r: AuditEvent, names: Map<string, string>): AuditExportRow {
  return { ...toAuditItem(r, names), actorId: r.actorId, prevHash: r.prevHash, chainVersion: r.chainVersion };
}
