/**
 * Team notes (reports, accounts, domains) and case notes containing q, newest first. A note is found only where
 * its subject is: a report's note needs the report's instance visible, a case's note the case visible; notes on an
 * account or domain are about a remote actor and every signed-in staff member reads them.
 */
import type { Actor } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { excerptAround } from './excerpt-around';
import { containsPattern } from './like-pattern';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { caseVisible, instanceIn, type Visible } from './visible-sql';

interface Row { id: string; source: string; subjectType: string; subjectKey: string; authorLabel: string; authorId: string | null; body: string; at: Date }

export function subjectHref(type: string, key: string): string | null {
  switch (type) {
    case 'report': return `/reports/${encodeURIComponent(key)}`;
    case 'case': return `/cases/${encodeURIComponent(key)}`;
    case 'account': return `/accounts/${encodeURIComponent(key)}`;
    case 'domain': return `/domains/${encodeURIComponent(key)}`;
    default: return null;
  }
}

/** `actor` names the authors as that viewer sees colleagues (pseudonyms where the team shows them). */
export async function searchNotes(q: string, ids: Visible, limit: number, actor?: Actor): Promise<SearchGroup> {
  const pat = containsPattern(q);
  const rows = await db.$queryRaw<Row[]>`
    select * from (
      select n."id"::text as id, 'team' as source, n."subjectType", n."subjectKey", n."authorLabel", n."authorId"::text as "authorId", n."body", n."createdAt" as at
      from "TeamNote" n
      where lower(n."body") like ${pat} escape '\\' and (
        n."subjectType" in ('account', 'domain')
        or (n."subjectType" = 'report' and exists (select 1 from "Report" r where r."id"::text = n."subjectKey" and ${instanceIn(Prisma.sql`r."instanceId"`, ids)}))
        or (n."subjectType" = 'case' and exists (select 1 from "Case" c where c."id"::text = n."subjectKey") and ${caseVisible(Prisma.sql`n."subjectKey"`, ids)}))
      union all
      select cn."id"::text, 'case', 'case', cn."caseId"::text, cn."authorLabel", cn."authorId"::text, cn."body", cn."createdAt"
      from "CaseNote" cn
      where lower(cn."body") like ${pat} escape '\\' and ${caseVisible(Prisma.sql`cn."caseId"::text`, ids)}
    ) x
    order by at desc, id desc
    limit ${TOTAL_CAP + 1}`;
  const label = actor ? await staffLabeler(actor, rows.map((r) => r.authorId)) : (_id: string | null, stored: string) => stored;
  return {
    kind: 'notes',
    total: totalLabel(rows.length),
    items: rows.slice(0, limit).map((r) => ({
      id: `${r.source}:${r.id}`,
      title: `Note on ${r.subjectType === 'report' || r.subjectType === 'case' ? `a ${r.subjectType}` : r.subjectKey}`,
      detail: `by ${label(r.authorId, r.authorLabel)}`,
      excerpt: excerptAround(r.body, q),
      href: subjectHref(r.subjectType, r.subjectKey),
      external: false,
      at: r.at.toISOString(),
    })),
  };
}
