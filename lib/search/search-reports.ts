/** Reports whose comment contains q, or whose remote id or our id is q; newest first, visible instances only. */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { excerptAround } from './excerpt-around';
import { containsPattern } from './like-pattern';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { instanceIn, type Visible } from './visible-sql';

interface Row { id: string; remoteId: string; comment: string; status: string; category: string; at: Date; instanceName: string; acct: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our id only when q is one: comparing as uuid keeps the primary key usable. */
function byId(q: string): Prisma.Sql {
  return UUID.test(q) ? Prisma.sql`or r."id" = ${q.toLowerCase()}::uuid` : Prisma.empty;
}

export async function searchReports(q: string, ids: Visible, limit: number): Promise<SearchGroup> {
  const rows = await db.$queryRaw<Row[]>`
    select r."id"::text as id, r."remoteId" as "remoteId", r."comment", r."status"::text as status, r."category",
      r."remoteCreatedAt" as at, i."name" as "instanceName", a."acct"
    from "Report" r join "Instance" i on i."id" = r."instanceId" join "Account" a on a."id" = r."targetId"
    where ${instanceIn(Prisma.sql`r."instanceId"`, ids)}
      and (lower(r."comment") like ${containsPattern(q)} escape '\\' or r."remoteId" = ${q} ${byId(q)})
    order by r."remoteCreatedAt" desc, r."id" desc
    limit ${TOTAL_CAP + 1}`;
  return {
    kind: 'reports',
    total: totalLabel(rows.length),
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      title: `Report ${r.remoteId} against ${r.acct}`,
      detail: `${r.instanceName} · ${r.status} · ${r.category}`,
      excerpt: excerptAround(r.comment, q),
      href: `/reports/${r.id}`,
      external: false,
      at: r.at.toISOString(),
    })),
  };
}
