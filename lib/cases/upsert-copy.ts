/**
 * The one upsert of a case's copy (local finds here, remote lookups in run-copy-search): identity is
 * (case, instance, copyKey). An existing row keeps the STRONGER foundBy and its stored values (nulls never
 * overwrite), and is marked present and checked now; a new row is audited 'case.copy_found' in the caller's tx.
 */
import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { CopyFoundBy } from './types';
import { strongerFoundBy } from './found-by';

export interface UpsertCopyInput {
  caseId: string;
  instanceId: string;
  copyKey: string;
  foundBy: CopyFoundBy;
  foundVia: 'local' | 'remote';
  mediaId?: string | null;
  remotePostId?: string | null;
  postUrl?: string | null;
  remoteMediaId?: string | null;
  mediaUrl?: string | null;
  originUri?: string | null;
  originMediaUrl?: string | null;
  accountAcct?: string | null;
  remoteAccountId?: string | null;
  distance?: number | null;
  variant?: string | null;
  /** Who found it (audit); the system actor 'cases' when absent. */
  actor?: Actor;
}


const FILLABLE = ['mediaId', 'remotePostId', 'postUrl', 'remoteMediaId', 'mediaUrl', 'originUri', 'originMediaUrl', 'accountAcct', 'remoteAccountId'] as const;

export async function upsertCaseCopy(tx: Tx, input: UpsertCopyInput): Promise<{ id: string; created: boolean }> {
  const where = { caseId_instanceId_copyKey: { caseId: input.caseId, instanceId: input.instanceId, copyKey: input.copyKey } };
  const existing = await tx.caseCopy.findUnique({ where });
  const now = new Date();
  if (existing) {
    const data: Record<string, unknown> = { checkedAt: now, state: 'present', stateDetail: null };
    // Holding the file ourselves is the stronger fact: a copy first seen remotely becomes local once we store it.
    if (input.foundVia === 'local' && existing.foundVia !== 'local') data.foundVia = 'local';
    for (const f of FILLABLE) if (existing[f] === null && input[f] != null) data[f] = input[f];
    const foundBy = strongerFoundBy(existing.foundBy as CopyFoundBy, input.foundBy);
    if (foundBy !== existing.foundBy) {
      data.foundBy = foundBy;
      // Distance and variant describe a PDQ find; a stronger way makes them moot.
      if (foundBy !== 'pdq') { data.distance = null; data.variant = null; }
    } else if (foundBy === 'pdq' && input.distance != null && (existing.distance === null || input.distance < existing.distance)) {
      data.distance = input.distance;
      data.variant = input.variant ?? existing.variant;
    }
    await tx.caseCopy.update({ where: { id: existing.id }, data });
    return { id: existing.id, created: false };
  }
  const row = await tx.caseCopy.create({
    data: {
      caseId: input.caseId, instanceId: input.instanceId, copyKey: input.copyKey, foundBy: input.foundBy, foundVia: input.foundVia,
      mediaId: input.mediaId ?? null, remotePostId: input.remotePostId ?? null, postUrl: input.postUrl ?? null,
      remoteMediaId: input.remoteMediaId ?? null, mediaUrl: input.mediaUrl ?? null, originUri: input.originUri ?? null,
      originMediaUrl: input.originMediaUrl ?? null, accountAcct: input.accountAcct ?? null, remoteAccountId: input.remoteAccountId ?? null,
      distance: input.foundBy === 'pdq' ? (input.distance ?? null) : null, variant: input.foundBy === 'pdq' ? (input.variant ?? null) : null,
      foundAt: now, checkedAt: now,
    },
    select: { id: true },
  });
  await recordEvent(tx, {
    actor: input.actor ?? { type: 'system', label: 'cases' }, action: 'case.copy_found', targetType: 'case', targetId: input.caseId,
    instanceId: input.instanceId, details: { copyId: row.id, instanceId: input.instanceId, foundBy: input.foundBy, foundVia: input.foundVia },
  });
  return { id: row.id, created: true };
}
