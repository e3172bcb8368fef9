/**
 * What one media item matches, from its stored hashes alone (pure: the index and settings are passed in).
 *
 * - PDQ is queried with all 8 dihedral hashes (rotations and flips) at the threshold, but only when the media's
 *   PDQ quality reaches the gate: low-quality hashes (flat or tiny images) match unrelated images.
 * - MD5 and SHA-256 are looked up exactly, whatever the quality: identical bytes are identical.
 * - Allow banks win: if any allow-bank entry matches (PDQ within the threshold, or exact), the media is known
 *   benign and no match-bank result is kept for it at all. An allow list exists to silence false positives on
 *   widely shared harmless images, and a partial suppression would still raise the report in the queue.
 */
import { DIHEDRAL_NAMES } from '../hashing/dihedral';
import { isPdqHex } from '../hashing/hex';
import type { BankIndex, IndexHit, SignalType } from './bank-index';
import type { MatchSettings } from './match-settings-schema';

export interface MediaHashes {
  pdqHash: string | null;
  pdqQuality: number | null;
  pdqDihedral: unknown;
  md5: string | null;
  sha256: string | null;
}

/** One row to store in MediaMatch. */
export interface MatchRow {
  entryId: bigint;
  bankId: string;
  signalType: SignalType;
  distance: number;
  variant: string;
  /** The media's PDQ quality for PDQ matches; null for exact matches, where quality is beside the point. */
  quality: number | null;
}

export interface MediaHits {
  matches: MatchRow[];
  /** Allow-bank hits: when there are any, `matches` is empty. */
  allowedBy: MatchRow[];
  pdqSkipped: boolean;
}

export function findMediaHits(index: BankIndex, media: MediaHashes, settings: MatchSettings): MediaHits {
  const pdqUsable = media.pdqHash !== null && media.pdqQuality !== null && media.pdqQuality >= settings.qualityGate;
  const hits: IndexHit[] = [];
  if (pdqUsable) hits.push(...index.queryPdq(pdqVariants(media.pdqHash, media.pdqDihedral), settings.threshold));
  if (media.md5) hits.push(...index.lookupExact('md5', media.md5));
  if (media.sha256) hits.push(...index.lookupExact('sha256', media.sha256));
  const rows = hits.map((h) => toRow(h, media.pdqQuality));
  const allowedBy = rows.filter((_, i) => hits[i].bank.kind === 'allow');
  const matches = allowedBy.length > 0 ? [] : rows.filter((_, i) => hits[i].bank.kind === 'match');
  return { matches, allowedBy, pdqSkipped: media.pdqHash !== null && !pdqUsable };
}

/**
 * The 8 stored dihedral hashes in a fixed order (original first, so a tie keeps the plain image), falling back to
 * the plain hash for media hashed before dihedral hashes were stored.
 */
export function pdqVariants(pdqHash: string | null, dihedral: unknown): { name: string; hash: string }[] {
  const stored = typeof dihedral === 'object' && dihedral !== null ? (dihedral as Record<string, unknown>) : {};
  const out: { name: string; hash: string }[] = [];
  for (const name of DIHEDRAL_NAMES) {
    const hash = stored[name];
    if (typeof hash === 'string' && isPdqHex(hash)) out.push({ name, hash: hash.toLowerCase() });
  }
  if (!out.some((v) => v.name === 'original') && pdqHash && isPdqHex(pdqHash)) out.unshift({ name: 'original', hash: pdqHash.toLowerCase() });
  return out;
}

function toRow(h: IndexHit, quality: number | null): MatchRow {
  return {
    entryId: BigInt(h.entryId),
    bankId: h.bank.id,
    signalType: h.signalType,
    distance: h.distance,
    variant: h.variant,
    quality: h.signalType === 'pdq' ? quality : null,
  };
}
