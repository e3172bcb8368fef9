/**
 * Media we hold whose SHA-256 or MD5 is the given hash, or whose PDQ hash is within PDQ_SEARCH_DISTANCE of it,
 * on visible instances; exact hits first, then by distance and recency. Each hit links to the newest visible
 * report that includes the media's post, else to a visible case holding it. The PDQ part is one scan of the hashed
 * media in SQL, like lib/cases/find-local-copies.ts (malformed stored hashes are skipped by the CASE, never cast).
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { PDQ_SEARCH_DISTANCE, type HashQuery } from './hash-query';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { caseVisible, instanceIn, type Visible } from './visible-sql';

interface Row {
  id: string; type: string; instanceName: string; at: Date; hasPreview: boolean;
  sha256Hit: boolean | null; md5Hit: boolean | null; distance: number | null; reportId: string | null; caseId: string | null;
}

export async function searchHashes(h: HashQuery, ids: Visible, limit: number): Promise<SearchGroup> {
  const sha = h.kinds.includes('sha256') ? h.hex : null;
  const md5 = h.kinds.includes('md5') ? h.hex : null;
  const usePdq = h.kinds.includes('pdq');
  const pdq = usePdq ? h.hex : '0'.repeat(64);
  const rows = await db.$queryRaw<Row[]>`
    with m as (
      select m.*, case when ${usePdq} and length(m."pdqHash") = 64 and m."pdqHash" ~ '^[0-9a-fA-F]+$'
        then bit_count(('x' || m."pdqHash")::bit(256) # ('x' || ${pdq})::bit(256))::int end as distance
      from "Media" m
      where ${instanceIn(Prisma.sql`m."instanceId"`, ids)}
        and (m."sha256" = ${sha} or m."md5" = ${md5} or (${usePdq} and m."pdqHash" is not null))
    )
    select m."id"::text as id, m."type", i."name" as "instanceName", m."createdAt" as at, (m."previewKey" is not null) as "hasPreview",
      (m."sha256" = ${sha}) as "sha256Hit", (m."md5" = ${md5}) as "md5Hit", m.distance,
      (select l."reportId"::text from "ReportStatusLink" l join "Report" r on r."id" = l."reportId"
        where m."statusId" is not null and l."statusId" = m."statusId" and ${instanceIn(Prisma.sql`r."instanceId"`, ids)}
        order by r."remoteCreatedAt" desc limit 1) as "reportId",
      (select cc."caseId"::text from "CaseCopy" cc where cc."mediaId" = m."id" and ${caseVisible(Prisma.sql`cc."caseId"::text`, ids)}
        order by cc."caseId" limit 1) as "caseId"
    from m join "Instance" i on i."id" = m."instanceId"
    where m."sha256" = ${sha} or m."md5" = ${md5} or m.distance <= ${PDQ_SEARCH_DISTANCE}
    order by case when m."sha256" = ${sha} or m."md5" = ${md5} then 0 else 1 end, m.distance nulls first, m."createdAt" desc
    limit ${TOTAL_CAP + 1}`;
  return {
    kind: 'hashes',
    total: totalLabel(rows.length),
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      title: `${r.type === 'image' ? 'Image' : r.type === 'video' || r.type === 'gifv' ? 'Video' : 'Media'} on ${r.instanceName}`,
      detail: [how(r), r.reportId ? 'in a report' : r.caseId ? 'in a case' : 'not in a report or case'].join(' · '),
      excerpt: '',
      href: r.reportId ? `/reports/${r.reportId}` : r.caseId ? `/cases/${r.caseId}` : null,
      external: false,
      at: r.at.toISOString(),
      mediaId: r.hasPreview ? r.id : null,
    })),
  };
}

function how(r: Row): string {
  if (r.sha256Hit) return 'same SHA-256';
  if (r.md5Hit) return 'same MD5';
  return r.distance === 0 ? 'same PDQ hash' : `PDQ distance ${r.distance}`;
}
