/**
 * Posts whose text contains q. The trigram index is on the stored (sanitized) HTML, so the SQL narrows by each word
 * (markup may sit between words: "<span>quokka</span> plushies") and the plain text decides: a search for "span"
 * must not find every post through its markup. Words with characters HTML escapes (& < > " ') only go to the
 * text check, since the stored HTML holds them as entities. A hit links to the newest
 * visible report that includes the post, else to the post on its server (http(s) only).
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { safeHttpUrl } from '@/lib/queue/safe-url';
import { htmlToText } from '@/lib/reports/sanitize-html';
import { excerptAround } from './excerpt-around';
import { containsPattern } from './like-pattern';
import { TOTAL_CAP, totalLabel } from './search-input';
import type { SearchGroup } from './types';
import { instanceIn, type Visible } from './visible-sql';

interface Row { id: string; html: string; url: string | null; at: Date | null; instanceName: string; acct: string | null; reportId: string | null }

function wordsIn(q: string): Prisma.Sql {
  const words = [...new Set(q.split(/\s+/).filter((w) => w !== '' && !/[&<>"']/.test(w)))].slice(0, 8);
  if (words.length === 0) return Prisma.sql`true`;
  return Prisma.join(words.map((w) => Prisma.sql`lower(s."contentHtml") like ${containsPattern(w)} escape '\\'`), ' and ');
}

export async function searchPosts(q: string, ids: Visible, limit: number): Promise<SearchGroup> {
  const rows = await db.$queryRaw<Row[]>`
    select s."id"::text as id, s."contentHtml" as html, s."url", s."remoteCreatedAt" as at, i."name" as "instanceName", a."acct",
      (select l."reportId"::text from "ReportStatusLink" l join "Report" r on r."id" = l."reportId"
        where l."statusId" = s."id" and ${instanceIn(Prisma.sql`r."instanceId"`, ids)}
        order by r."remoteCreatedAt" desc limit 1) as "reportId"
    from "Status" s join "Instance" i on i."id" = s."instanceId" left join "Account" a on a."id" = s."accountId"
    where ${instanceIn(Prisma.sql`s."instanceId"`, ids)} and ${wordsIn(q)}
    order by s."remoteCreatedAt" desc nulls last, s."id" desc
    limit ${TOTAL_CAP * 2}`;
  const needle = q.toLowerCase();
  const hits = rows.map((r) => ({ ...r, text: htmlToText(r.html) })).filter((r) => r.text.toLowerCase().includes(needle)).slice(0, TOTAL_CAP + 1);
  return {
    kind: 'posts',
    total: totalLabel(hits.length),
    items: hits.slice(0, limit).map((r) => {
      const url = safeHttpUrl(r.url);
      return {
        id: r.id,
        title: r.acct ? `Post by ${r.acct}` : 'Post',
        detail: [r.instanceName, r.reportId ? 'in a report' : null].filter(Boolean).join(' · '),
        excerpt: excerptAround(r.text, q),
        href: r.reportId ? `/reports/${r.reportId}` : url,
        external: !r.reportId && url !== null,
        at: r.at?.toISOString() ?? null,
      };
    }),
  };
}
