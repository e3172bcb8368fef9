/**
 * Makes each media's MediaMatch rows exactly its current hits: new or changed rows are upserted by
 * (mediaId, entryId), rows for entries that no longer match (disabled, removed, beyond a lowered threshold,
 * suppressed by an allow bank) are deleted. Returns the media whose rows changed, so only their reports need
 * recomputing.
 */
import { db } from '@/lib/db';
import type { MatchRow } from './find-media-hits';

export interface MediaMatchSet { mediaId: string; rows: MatchRow[] }

type Stored = { id: string; mediaId: string; entryId: bigint; distance: number; variant: string; quality: number | null };

const same = (a: Stored, b: MatchRow) => a.distance === b.distance && a.variant === b.variant && a.quality === b.quality;

export async function storeMediaMatches(sets: readonly MediaMatchSet[]): Promise<string[]> {
  if (sets.length === 0) return [];
  const mediaIds = sets.map((s) => s.mediaId);
  return db.$transaction(async (tx) => {
    // Media deleted meanwhile (instance removed) are skipped rather than failing the whole page on a foreign key.
    const alive = new Set((await tx.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true } })).map((m) => m.id));
    const existing = await tx.mediaMatch.findMany({
      where: { mediaId: { in: mediaIds } },
      select: { id: true, mediaId: true, entryId: true, distance: true, variant: true, quality: true },
    });
    const byMedia = new Map<string, Map<bigint, Stored>>();
    for (const row of existing) {
      if (!byMedia.has(row.mediaId)) byMedia.set(row.mediaId, new Map());
      byMedia.get(row.mediaId)!.set(row.entryId, row);
    }
    const stale: string[] = [];
    const changed = new Set<string>();
    for (const { mediaId, rows } of sets) {
      if (!alive.has(mediaId)) continue;
      const have = byMedia.get(mediaId) ?? new Map<bigint, Stored>();
      const want = new Map(rows.map((r) => [r.entryId, r]));
      for (const [entryId, row] of have) {
        if (want.has(entryId)) continue;
        stale.push(row.id);
        changed.add(mediaId);
      }
      for (const [entryId, r] of want) {
        const prev = have.get(entryId);
        if (prev && same(prev, r)) continue;
        const data = { bankId: r.bankId, signalType: r.signalType, distance: r.distance, variant: r.variant, quality: r.quality };
        await tx.mediaMatch.upsert({ where: { mediaId_entryId: { mediaId, entryId } }, create: { mediaId, entryId, ...data }, update: data });
        changed.add(mediaId);
      }
    }
    if (stale.length > 0) await tx.mediaMatch.deleteMany({ where: { id: { in: stale } } });
    return [...changed];
  }, { timeout: 60_000 });
}
