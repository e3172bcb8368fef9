/**
 * What the team adds to a queue page: thumbnails, tags, open escalations and soft claims, each one batch query for
 * the whole page. A row that stands for a case shows the case's claim when nobody holds the report itself.
 */
import type { Ctx } from '@/lib/audit/actor';
import { claimsFor } from '@/lib/claims/claims-for';
import { openEscalationsFor } from '@/lib/escalations/open-escalations-for';
import { pendingHoldsFor } from '@/lib/holding/pending-holds-for';
import { tagsFor } from '@/lib/tags/tags-for';
import { reportThumbs } from './report-thumbs';
import type { QueueRow } from './types';

type Extras = Pick<QueueRow, 'thumbMediaId' | 'tags' | 'escalation' | 'claim' | 'hold'>;

export async function rowExtras(ctx: Ctx, reports: { id: string; caseId: string | null }[]): Promise<Map<string, Extras>> {
  const ids = reports.map((r) => r.id);
  const caseIds = [...new Set(reports.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const [thumbs, tags, escalations, claims, caseClaims, holds] = await Promise.all([
    reportThumbs(ids),
    tagsFor('report', ids),
    openEscalationsFor('report', ids),
    claimsFor(ctx, 'report', ids),
    caseIds.length ? claimsFor(ctx, 'case', caseIds) : Promise.resolve(new Map()),
    pendingHoldsFor(ctx, ids),
  ]);
  const out = new Map<string, Extras>();
  for (const r of reports) {
    out.set(r.id, {
      thumbMediaId: thumbs.get(r.id) ?? null,
      tags: tags.get(r.id) ?? [],
      escalation: escalations.get(r.id) ?? null,
      claim: claims.get(r.id) ?? (r.caseId ? caseClaims.get(r.caseId) ?? null : null),
      hold: holds.get(r.id) ?? null,
    });
  }
  return out;
}
