/**
 * Accounts whose handle, acct, username or display name contains q, one hit per handle (the same person seen by
 * several instances is one result, linking to its cross-instance page). Only Account rows of visible instances count.
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { excerpt } from '@/lib/queue/excerpt';
import { containsPattern } from './like-pattern';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { instanceIn, type Visible } from './visible-sql';

interface Row { handle: string; displayName: string | null; instances: number; suspended: boolean; at: Date }

export async function searchAccounts(q: string, ids: Visible, limit: number): Promise<SearchGroup> {
  const pat = containsPattern(q.replace(/^@/, ''));
  const visible = instanceIn(Prisma.sql`a."instanceId"`, ids);
  // Match rows first, then describe each handle from all its visible rows (a display-name hit on one instance still
  // counts the others that know the same person).
  const rows = await db.$queryRaw<Row[]>`
    with hit as (
      select distinct lower(a."username" || '@' || coalesce(a."domain", i."domain")) as handle
      from "Account" a join "Instance" i on i."id" = a."instanceId"
      where ${visible}
        and (lower(a."acct") like ${pat} escape '\\' or lower(a."username") like ${pat} escape '\\'
          or lower(a."displayName") like ${pat} escape '\\'
          or lower(a."username" || '@' || coalesce(a."domain", i."domain")) like ${pat} escape '\\')
    )
    select hit.handle, max(a."displayName") as "displayName", count(distinct a."instanceId")::int as instances,
      bool_or(a."suspended") as suspended, max(a."updatedAt") as at
    from hit
    join "Account" a on lower(a."username") = split_part(hit.handle, '@', 1)
    join "Instance" i on i."id" = a."instanceId" and lower(a."username" || '@' || coalesce(a."domain", i."domain")) = hit.handle
    where ${visible}
    group by hit.handle
    order by max(a."updatedAt") desc, hit.handle
    limit ${TOTAL_CAP + 1}`;
  return {
    kind: 'accounts',
    total: totalLabel(rows.length),
    items: rows.slice(0, limit).map((r) => ({
      id: r.handle,
      title: r.handle,
      detail: [`seen on ${r.instances} instance${r.instances === 1 ? '' : 's'}`, r.suspended ? 'suspended somewhere' : null].filter(Boolean).join(' · '),
      excerpt: excerpt(r.displayName ?? '', 120),
      href: `/accounts/${encodeURIComponent(r.handle)}`,
      external: false,
      at: r.at.toISOString(),
    })),
  };
}
