/**
 * Reads what planning and writing a forward need: the case (with its summary fields), its copies, its linked reports
 * (with each report's forwarded flag and target), and the instances they are on, with their kind's capabilities and
 * whether the actor may act there. Only instances the actor can see take part; an invisible case reads as absent.
 */
import { db, type Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canActOn, canSeeInstance } from '@/lib/auth/policy';
import { caseInstanceIds, canSeeCase } from '@/lib/cases/case-access';
import { capabilitiesFor, connectorKinds } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import type { PlanInput } from './plan-forwards';

const CASE_FIELDS = {
  id: true, number: true, title: true, label: true, severity: true, sha256: true, md5: true, pdqHash: true,
  originUri: true, originUrl: true, originAcct: true, originAccountUrl: true, originDomain: true, copyCount: true, instanceCount: true,
} as const;

export interface ForwardContext {
  case: { id: string; number: number; title: string; label: string | null; severity: number; sha256: string | null; md5: string | null; pdqHash: string | null; originUri: string | null; originUrl: string | null; originAcct: string | null; originAccountUrl: string | null; originDomain: string | null; copyCount: number; instanceCount: number };
  /** Every instance the case touches (for the edit permission), visible or not. */
  instanceIds: string[];
  plan: PlanInput;
}

export async function loadForwardContext(tx: Tx | typeof db, actor: Actor, caseId: string): Promise<ForwardContext> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: CASE_FIELDS });
  const instanceIds = await caseInstanceIds(tx, caseId);
  if (!c || !canSeeCase(actor, instanceIds)) throw new AppError('not_found', `case ${caseId} not found`);
  const copyRows = await tx.caseCopy.findMany({
    where: { caseId }, orderBy: [{ foundAt: 'asc' }, { id: 'asc' }],
    select: { instanceId: true, remoteAccountId: true, remotePostId: true, accountAcct: true, media: { select: { status: { select: { account: { select: { remoteId: true, acct: true } } } } } } },
  });
  const reportRows = await tx.caseReport.findMany({
    where: { caseId }, orderBy: { linkedAt: 'asc' },
    select: { report: { select: { id: true, instanceId: true, remoteId: true, status: true, forwarded: true, target: { select: { domain: true } } } } },
  });
  const visible = instanceIds.filter((id) => canSeeInstance(actor, id));
  const instances = await tx.instance.findMany({
    where: { id: { in: visible }, status: { not: 'disabled' } },
    select: { id: true, name: true, kind: true, domain: true },
  });
  const usable = new Set(instances.map((i) => i.id));
  return {
    case: c,
    instanceIds,
    plan: {
      originDomain: c.originDomain,
      instances: instances.map((i) => ({ ...i, canAct: canActOn(actor, i.id), caps: isKind(i.kind) ? capabilitiesFor(i.kind) : undefined })),
      copies: copyRows.filter((r) => usable.has(r.instanceId)).map((r) => {
        const account = r.media?.status?.account ?? null;
        return { instanceId: r.instanceId, remotePostId: r.remotePostId, remoteAccountId: r.remoteAccountId ?? account?.remoteId ?? null, accountAcct: r.accountAcct ?? account?.acct ?? null };
      }),
      reports: reportRows.filter((l) => usable.has(l.report.instanceId)).map(({ report: r }) => ({
        id: r.id, instanceId: r.instanceId, remoteId: r.remoteId, open: r.status === 'open', forwarded: r.forwarded, targetDomain: r.target.domain,
      })),
    },
  };
}

function isKind(kind: string): kind is ServerKind {
  return (connectorKinds() as string[]).includes(kind);
}
