/**
 * One remote domain across the instances the actor can see: blocked there or not, how many of its accounts each
 * knows, the open reports against its accounts, and the cases that came from it.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { caseList, reportList } from './actor-lists';
import { domainBlocks } from './domain-blocks';
import { accountsOfDomainWhere } from './find-accounts';
import { parseDomain } from './handle';
import type { DomainProfile } from './types';
import { visibleInstances } from './visible-instances';

export async function getDomainProfile({ ctx, input }: { ctx: Ctx; input: { domain: string } }): Promise<DomainProfile> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'domain profile needs a staff actor');
  const domain = parseDomain(input.domain);
  const instances = await visibleInstances(ctx.actor);
  const ids = instances.map((i) => i.id);
  const ofDomain = { ...accountsOfDomainWhere(domain), instanceId: { in: ids } };
  const [blocks, counts, openReports, cases] = await Promise.all([
    domainBlocks(domain, ids),
    db.account.groupBy({ by: ['instanceId'], where: ofDomain, _count: { _all: true } }),
    reportList({ status: 'open', instanceId: { in: ids }, target: ofDomain }, 100),
    caseList(ctx.actor, {
      OR: [
        { originDomain: { equals: domain, mode: 'insensitive' } },
        { reports: { some: { report: { instanceId: { in: ids }, target: ofDomain } } } },
      ],
    }),
  ]);
  const countBy = new Map(counts.map((c) => [c.instanceId, c._count._all]));
  return {
    domain,
    instances: instances.map((i) => {
      const b = blocks.get(i.id);
      return {
        instance: { id: i.id, name: i.name, kind: i.kind, domain: i.domain },
        blocked: b !== undefined, severity: b?.severity ?? null, blockedAt: b?.at.toISOString() ?? null,
        knownAccounts: countBy.get(i.id) ?? 0, own: i.domain.toLowerCase() === domain,
      };
    }),
    openReports, cases,
    canAct: hasRole(ctx.actor, 'moderator') && instances.length > 0,
  };
}
