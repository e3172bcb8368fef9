/**
 * How severe one media item is, for exposure: its best match among enabled match banks and enabled entries (the
 * same rule the report page's match list uses, lib/queue/media-view.ts): the highest bank severity, then the
 * closest distance. 0 and no label without a match.
 */
import { db, type Tx } from '@/lib/db';

export interface MediaSeverity { severity: number; label: string | null }

export async function mediaSeverity(mediaId: string, client: Tx = db): Promise<MediaSeverity> {
  const best = await client.mediaMatch.findFirst({
    where: { mediaId, bank: { kind: 'match', enabled: true }, entry: { enabled: true } },
    orderBy: [{ bank: { severity: 'desc' } }, { distance: 'asc' }],
    select: { bank: { select: { severity: true, label: true } } },
  });
  return best ? { severity: best.bank.severity, label: best.bank.label } : { severity: 0, label: null };
}
