/** The report and case lists the account and domain pages share. */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { visibleCaseWhere } from '@/lib/cases/case-access';
import type { Prisma } from '@/lib/generated/prisma/client';
import { accountHandle } from './handle';
import type { ActorCase, ActorReport } from './types';

const INSTANCE = { select: { id: true, name: true, kind: true, domain: true } } as const;

export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Callers pass a where that already keeps to visible instances. */
export async function reportList(where: Prisma.ReportWhereInput, take: number): Promise<ActorReport[]> {
  const rows = await db.report.findMany({
    where,
    select: {
      id: true, status: true, category: true, comment: true, remoteCreatedAt: true, instance: INSTANCE,
      target: { select: { username: true, domain: true } },
    },
    orderBy: [{ remoteCreatedAt: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.map((r) => ({
    id: r.id, instance: r.instance, status: r.status, category: r.category, excerpt: excerpt(r.comment),
    remoteCreatedAt: r.remoteCreatedAt.toISOString(), targetHandle: accountHandle(r.target.username, r.target.domain, r.instance.domain),
    link: `/reports/${r.id}`,
  }));
}

/** Cases the actor can see that match `where` (linked reports, copies, or the origin). */
export async function caseList(actor: Actor, where: Prisma.CaseWhereInput, take = 50): Promise<ActorCase[]> {
  const rows = await db.case.findMany({
    where: { AND: [visibleCaseWhere(actor), where] },
    select: { id: true, number: true, title: true, state: true, severity: true },
    orderBy: { createdAt: 'desc' },
    take,
  });
  return rows.map((c) => ({ ...c, link: `/cases/${c.id}` }));
}
