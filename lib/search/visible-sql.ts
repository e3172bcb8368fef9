/**
 * SQL conditions for "the actor may see this" in the raw search queries, mirroring lib/auth/policy.ts and
 * lib/cases/case-access.ts: null instance list = every instance; a limited moderator sees only their instances,
 * and a case only through its copies or linked reports on those instances.
 */
import { Prisma } from '@/lib/generated/prisma/client';

export type Visible = string[] | null;

/** `<column> is one of the visible instances` (column is a trusted identifier written by us). */
export function instanceIn(column: Prisma.Sql, ids: Visible): Prisma.Sql {
  if (ids === null) return Prisma.sql`true`;
  if (ids.length === 0) return Prisma.sql`false`;
  return Prisma.sql`${column} in (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
}

/** The case whose id (as text) is `caseIdText` has a copy or a linked report on a visible instance. */
export function caseVisible(caseIdText: Prisma.Sql, ids: Visible): Prisma.Sql {
  if (ids === null) return Prisma.sql`true`;
  return Prisma.sql`(exists (select 1 from "CaseCopy" cc where cc."caseId"::text = ${caseIdText} and ${instanceIn(Prisma.sql`cc."instanceId"`, ids)})
    or exists (select 1 from "CaseReport" cr join "Report" vr on vr."id" = cr."reportId" where cr."caseId"::text = ${caseIdText} and ${instanceIn(Prisma.sql`vr."instanceId"`, ids)}))`;
}
