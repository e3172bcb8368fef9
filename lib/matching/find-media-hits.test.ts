import { describe, expect, it } from 'vitest';
import { DIHEDRAL_NAMES } from '../hashing/dihedral';
import { BankIndex, type BankInfo } from './bank-index';
import { findMediaHits, pdqVariants, type MediaHashes } from './find-media-hits';
import { flipBits, md5Of, randomHash, rng, sha256Of } from './test-hashes';

const settings = { threshold: 31, qualityGate: 50 };
const next = rng(3);
const dihedral = Object.fromEntries(DIHEDRAL_NAMES.map((n) => [n, randomHash(next)]));
const media = (over: Partial<MediaHashes> = {}): MediaHashes =>
  ({ pdqHash: dihedral.original, pdqQuality: 90, pdqDihedral: dihedral, md5: md5Of(1), sha256: sha256Of(1), ...over });

function indexWith(kinds: Record<string, BankInfo['kind']>) {
  const index = new BankIndex();
  for (const [id, kind] of Object.entries(kinds)) index.setBank({ id, name: id, kind, label: null, severity: 4, enabled: true });
  return index;
}

describe('findMediaHits', () => {
  it('matches PDQ within the threshold through the variant that is closest, and exact hashes', () => {
    const index = indexWith({ m: 'match' });
    index.upsertEntry({ id: 1, bankId: 'm', signalType: 'pdq', value: flipBits(dihedral.flipy, 31) });
    index.upsertEntry({ id: 2, bankId: 'm', signalType: 'pdq', value: flipBits(dihedral.rot270, 32) });
    index.upsertEntry({ id: 3, bankId: 'm', signalType: 'sha256', value: sha256Of(1) });
    const hits = findMediaHits(index, media(), settings);
    expect(hits.matches).toEqual([
      { entryId: BigInt(1), bankId: 'm', signalType: 'pdq', distance: 31, variant: 'flipy', quality: 90 },
      { entryId: BigInt(3), bankId: 'm', signalType: 'sha256', distance: 0, variant: 'original', quality: null },
    ]);
    expect(findMediaHits(index, media(), { ...settings, threshold: 32 }).matches.map((m) => m.entryId)).toContain(BigInt(2));
  });

  it('skips PDQ below the quality gate but still matches exact hashes', () => {
    const index = indexWith({ m: 'match' });
    index.upsertEntry({ id: 1, bankId: 'm', signalType: 'pdq', value: dihedral.original });
    index.upsertEntry({ id: 2, bankId: 'm', signalType: 'md5', value: md5Of(1) });
    const hits = findMediaHits(index, media({ pdqQuality: 49 }), settings);
    expect(hits.pdqSkipped).toBe(true);
    expect(hits.matches.map((m) => m.entryId)).toEqual([BigInt(2)]);
    expect(findMediaHits(index, media({ pdqQuality: 50 }), settings).matches).toHaveLength(2);
  });

  it('drops every match-bank result when an allow-bank entry matches (PDQ or exact)', () => {
    const index = indexWith({ m: 'match', ok: 'allow' });
    index.upsertEntry({ id: 1, bankId: 'm', signalType: 'md5', value: md5Of(1) });
    index.upsertEntry({ id: 2, bankId: 'ok', signalType: 'pdq', value: flipBits(dihedral.original, 3) });
    const allowed = findMediaHits(index, media(), settings);
    expect(allowed.matches).toEqual([]);
    expect(allowed.allowedBy.map((m) => m.entryId)).toEqual([BigInt(2)]);
    index.removeEntry(2);
    index.upsertEntry({ id: 3, bankId: 'ok', signalType: 'sha256', value: sha256Of(1) });
    expect(findMediaHits(index, media(), settings).matches).toEqual([]);
    index.removeEntry(3);
    expect(findMediaHits(index, media(), settings).matches.map((m) => m.entryId)).toEqual([BigInt(1)]);
  });

  it('matches nothing for media without hashes', () => {
    const index = indexWith({ m: 'match' });
    index.upsertEntry({ id: 1, bankId: 'm', signalType: 'md5', value: md5Of(1) });
    expect(findMediaHits(index, { pdqHash: null, pdqQuality: null, pdqDihedral: null, md5: null, sha256: null }, settings).matches).toEqual([]);
  });
});

describe('pdqVariants', () => {
  it('uses the stored dihedral hashes in a fixed order, original first', () => {
    expect(pdqVariants(dihedral.original, { ...dihedral, junk: 'x' }).map((v) => v.name)).toEqual([...DIHEDRAL_NAMES]);
  });

  it('falls back to the plain hash when no dihedral hashes were stored, and ignores malformed ones', () => {
    expect(pdqVariants(dihedral.original, null)).toEqual([{ name: 'original', hash: dihedral.original }]);
    expect(pdqVariants(dihedral.original, { rot90: 'nope', flipx: dihedral.flipx }).map((v) => v.name)).toEqual(['original', 'flipx']);
    expect(pdqVariants(null, 'garbage')).toEqual([]);
  });
});
