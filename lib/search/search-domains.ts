/**
 * Domains containing q, from the accounts we know (remote accounts' home domains) and the connected instances'
 * own domains, visible instances only. Domains starting with q come first, then by recency.
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { containsPattern, prefixPattern } from './like-pattern';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { instanceIn, type Visible } from './visible-sql';

interface Row { domain: string; accounts: number; connected: boolean; at: Date }

export async function searchDomains(q: string, ids: Visible, limit: number): Promise<SearchGroup> {
  const term = q.replace(/^@/, '');
  const pat = containsPattern(term);
  const rows = await db.$queryRaw<Row[]>`
    select d as domain, count(*) filter (where src = 'account')::int as accounts, bool_or(src = 'instance') as connected, max(seen) as at
    from (
      select lower(a."domain") as d, 'account' as src, a."updatedAt" as seen from "Account" a
        where a."domain" is not null and ${instanceIn(Prisma.sql`a."instanceId"`, ids)} and lower(a."domain") like ${pat} escape '\\'
      union all
      select lower(i."domain"), 'instance', i."updatedAt" from "Instance" i
        where ${instanceIn(Prisma.sql`i."id"`, ids)} and lower(i."domain") like ${pat} escape '\\'
    ) x
    group by d
    order by bool_or(d like ${prefixPattern(term)} escape '\\') desc, max(seen) desc, d
    limit ${TOTAL_CAP + 1}`;
  return {
    kind: 'domains',
    total: totalLabel(rows.length),
    items: rows.slice(0, limit).map((r) => ({
      id: r.domain,
      title: r.domain,
      detail: [r.connected ? 'a connected instance' : null, `${r.accounts} known account${r.accounts === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
      excerpt: '',
      href: `/domains/${encodeURIComponent(r.domain)}`,
      external: false,
      at: r.at.toISOString(),
    })),
  };
}
