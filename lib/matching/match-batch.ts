/**
 * The matcher over a batch of media already read from the database: hits from the in-memory index, stored
 * as MediaMatch rows. Shared by matchMedia (one media, at hashing time) and the rematch job (pages of 500), so
 * both apply the same gate, variants and allow-bank rule. The caller syncs the index once per batch.
 */
import type { BankIndex } from './bank-index';
import { findMediaHits, type MediaHashes, type MediaHits } from './find-media-hits';
import type { MatchSettings } from './match-settings-schema';
import { storeMediaMatches } from './store-matches';

export const MEDIA_HASH_SELECT = { id: true, pdqHash: true, pdqQuality: true, pdqDihedral: true, md5: true, sha256: true } as const;
export type MediaHashRow = MediaHashes & { id: string };

export interface BatchOutcome {
  hits: Map<string, MediaHits>;
  /** Media whose stored matches changed. */
  changed: string[];
}

export async function matchMediaBatch(index: BankIndex, media: readonly MediaHashRow[], settings: MatchSettings): Promise<BatchOutcome> {
  const hits = new Map(media.map((m) => [m.id, findMediaHits(index, m, settings)]));
  const changed = await storeMediaMatches([...hits].map(([mediaId, h]) => ({ mediaId, rows: h.matches })));
  return { hits, changed };
}
