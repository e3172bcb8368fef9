/**
 * The purge plan the case page shows before anything runs (and the one start-purge.ts validates choices against):
 * read from the database, built by the pure plan-purge.ts. Only instances the actor can see are in it.
 */
import { db, type Tx } from '@/lib/db';
import type { Ctx, Actor } from '@/lib/audit/actor';
import { canSeeInstance } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { caseInstanceIds, canSeeCase } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { hostOfAcct } from './build-step';
import { isTarget, planPurge, type PlanCopy } from './plan-purge';
import type { PurgePlan } from './types';

export async function getPurgePlan({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<PurgePlan> {
  return loadPurgePlan(db, ctx.actor, parseCaseId(input.caseId));
}

export async function loadPurgePlan(tx: Tx | typeof db, actor: Actor, caseId: string): Promise<PurgePlan> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, originDomain: true } });
  if (!c || !canSeeCase(actor, await caseInstanceIds(tx, caseId))) throw new AppError('not_found', `case ${caseId} not found`);
  const rows = await tx.caseCopy.findMany({
    where: { caseId },
    orderBy: [{ foundAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, instanceId: true, state: true, receiptVerdict: true, remotePostId: true, remoteMediaId: true, mediaUrl: true,
      remoteAccountId: true, accountAcct: true, instance: { select: { domain: true } },
      media: { select: { status: { select: { account: { select: { remoteId: true, acct: true } } } } } },
    },
  });
  const visible = rows.filter((r) => canSeeInstance(actor, r.instanceId));
  const copies: PlanCopy[] = visible.map((r) => {
    const account = r.media?.status?.account ?? null;
    const acct = r.accountAcct ?? account?.acct ?? null;
    return {
      id: r.id, instanceId: r.instanceId, state: r.state, receiptVerdict: r.receiptVerdict,
      remotePostId: r.remotePostId, remoteMediaId: r.remoteMediaId, mediaUrl: r.mediaUrl,
      remoteAccountId: r.remoteAccountId ?? account?.remoteId ?? null,
      accountAcct: acct,
      // A local acct (no @host) is an account of the instance itself: its host is the instance's own domain.
      accountHost: hostOfAcct(acct) ?? (acct ? r.instance.domain : c.originDomain),
    };
  });
  const lookups = await tx.caseLookup.findMany({ where: { caseId }, select: { instanceId: true, status: true, detail: true } });
  const instanceIds = [...new Set([...copies.map((x) => x.instanceId), ...lookups.map((l) => l.instanceId)])].filter((id) => canSeeInstance(actor, id));
  const instances = await tx.instance.findMany({
    where: { id: { in: instanceIds }, status: { not: 'disabled' } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, baseUrl: true, domain: true },
  });
  const targets = copies.filter(isTarget).map((x) => x.id);
  return planPurge({
    caseId, copies, instances, lookups: lookups.map((l) => ({ ...l, status: String(l.status) })),
    capabilitiesOf: (kind) => (isKind(kind) ? capabilitiesFor(kind) : undefined),
    sealsFirst: !(await sealCovers(tx, caseId, targets)),
  });
}

const KINDS: readonly string[] = ['mastodon', 'gotosocial', 'akkoma', 'lemmy', 'misskey', 'peertube'] satisfies ServerKind[];

function isKind(k: string): k is ServerKind {
  return KINDS.includes(k);
}

/** Whether the newest live seal covers every copy the purge targets (else start-purge seals again first). */
async function sealCovers(tx: Tx | typeof db, caseId: string, copyIds: string[]): Promise<boolean> {
  const seal = await tx.evidence.findFirst({ where: { caseId, destroyedAt: null }, orderBy: { version: 'desc' }, select: { copyIds: true } });
  if (!seal) return false;
  const have = new Set(seal.copyIds);
  return copyIds.every((id) => have.has(id));
}
