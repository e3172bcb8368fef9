import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hammingDistance, hexToWords32, words32ToHex } from '../hashing/hex';
import { DIHEDRAL_NAMES } from '../hashing/dihedral';
import { pdqHashFile } from '../hashing/pdq';
import { PdqIndex, type PdqMatch } from './mih-index';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return s >>> 0;
  };
}

function randomWords(next: () => number): Uint32Array {
  return Uint32Array.from({ length: 8 }, next);
}

function flipped(words: Uint32Array, bits: number[]): Uint32Array {
  const out = words.slice();
  for (const bit of bits) out[bit >>> 5] ^= 1 << (bit & 31);
  return out;
}

/** `count` distinct random bit positions. */
function someBits(next: () => number, count: number): number[] {
  const set = new Set<number>();
  while (set.size < count) set.add(next() & 255);
  return [...set];
}

const base = hexToWords32('d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22');

describe('PdqIndex basics', () => {
  it('reports known distances, nearest first', () => {
    const index = new PdqIndex();
    index.add(1, base);
    index.add(2, flipped(base, [0, 100, 200]));
    index.add(3, flipped(base, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]));
    index.add(4, words32ToHex(base.map((w) => ~w)));
    expect(index.size).toBe(4);
    expect(index.query(base, 31)).toEqual([
      { id: 1, distance: 0 },
      { id: 2, distance: 3 },
      { id: 3, distance: 10 },
    ]);
    expect(index.query(base, 3)).toEqual([{ id: 1, distance: 0 }, { id: 2, distance: 3 }]);
    expect(index.query(base, 256)).toContainEqual({ id: 4, distance: 256 });
  });

  it('matches at 31 bits and, through MIH, not at 32 when every slot differs by 2', () => {
    const index = new PdqIndex();
    const at31 = flipped(base, Array.from({ length: 31 }, (_, k) => k * 8));
    // Bits 16s and 16s + 1 for every slot s: 32 bits, 2 in each slot, so no slot is within one bit.
    const at32 = flipped(base, Array.from({ length: 32 }, (_, k) => (k >> 1) * 16 + (k & 1)));
    index.add(31, at31);
    index.add(32, at32);
    expect(hammingDistance(base, at31)).toBe(31);
    expect(hammingDistance(base, at32)).toBe(32);
    expect(index.query(base, 31)).toEqual([{ id: 31, distance: 31 }]);
    expect(index.mihQuery(base, 32)).toEqual([{ id: 31, distance: 31 }]);
    // Above 31 the index scans linearly, which is complete.
    expect(index.query(base, 32)).toEqual([{ id: 31, distance: 31 }, { id: 32, distance: 32 }]);
    expect(index.query(base, 30)).toEqual([]);
  });

  it('removes by tombstone and accepts the id again', () => {
    const index = new PdqIndex();
    index.add(7, base);
    index.add(8, flipped(base, [1]));
    expect(index.query(base, 31)).toHaveLength(2);
    expect(index.remove(7)).toBe(true);
    expect(index.remove(7)).toBe(false);
    expect(index.size).toBe(1);
    expect(index.has(7)).toBe(false);
    expect(index.query(base, 31)).toEqual([{ id: 8, distance: 1 }]);
    expect(index.linearQuery(base, 31)).toEqual([{ id: 8, distance: 1 }]);
    index.add(7, flipped(base, [2, 3]));
    expect(index.query(base, 31)).toEqual([{ id: 8, distance: 1 }, { id: 7, distance: 2 }]);
  });

  it('replaces the hash of an existing id and handles ids above 2^32', () => {
    const index = new PdqIndex();
    const big = 2 ** 40 + 3;
    index.add(big, base);
    index.add(big, flipped(base, [9]));
    expect(index.size).toBe(1);
    expect(index.get(big)).toBe(words32ToHex(flipped(base, [9])));
    expect(index.query(base, 31)).toEqual([{ id: big, distance: 1 }]);
    expect(() => index.add(-1, base)).toThrow();
    expect(() => index.add(1.5, base)).toThrow();
    expect(() => index.query(base, 31.5)).toThrow();
  });
});

describe('dihedral queries', () => {
  it('finds an entry through whichever variant matches, reporting that variant', () => {
    const next = rng(5);
    const variants = DIHEDRAL_NAMES.map((name) => ({ name, hash: randomWords(next) }));
    const index = new PdqIndex();
    variants.forEach((v, i) => index.add(100 + i, flipped(v.hash, someBits(next, i + 2))));
    for (let i = 0; i < 500; i++) index.add(1000 + i, randomWords(next));
    const found = index.queryDihedral(variants, 31);
    expect(found.map((m) => [m.id, m.variant, m.distance]).sort()).toEqual(
      variants.map((v, i) => [100 + i, v.name, i + 2]).sort(),
    );
  });

  it('finds each rotated / flipped bridge photo from the original photo alone', async () => {
    const vectors = path.resolve(process.cwd(), '../shared/pdq-vectors');
    const tsv = readFileSync(path.join(vectors, 'cpp_reference_hashes.tsv'), 'utf8');
    const rows = tsv.split('\n').filter((l) => l.includes('/dih/'));
    const index = new PdqIndex();
    const names = new Map<number, string>();
    rows.forEach((row, i) => {
      const [file, , , , hash] = row.split('\t');
      index.add(i, hash);
      names.set(i, path.basename(file));
    });
    const original = await pdqHashFile(path.join(vectors, 'data/reg-test-input/dih/bridge-1-original.jpg'));
    const variants = Object.entries(original.dihedral).map(([name, hash]) => ({ name, hash }));
    const found = index.queryDihedral(variants, 31);
    const byFile = Object.fromEntries(found.map((m) => [names.get(m.id), m.variant]));
    expect(byFile).toEqual({
      'bridge-1-original.jpg': 'original',
      'bridge-2-rotate-90.jpg': 'rot90',
      'bridge-3-rotate-180.jpg': 'rot180',
      'bridge-4-rotate-270.jpg': 'rot270',
      'bridge-5-flipx.jpg': 'flipx',
      'bridge-6-flipy.jpg': 'flipy',
      'bridge-7-flip-plus-1.jpg': 'transpose',
      'bridge-8-flip-minus-1.jpg': 'antitranspose',
    });
  });
});

describe('MIH agrees with a linear scan', () => {
  function expectSameAsLinear(index: PdqIndex, queries: Uint32Array[], thresholds: number[]): number {
    let matches = 0;
    for (const q of queries) {
      for (const t of thresholds) {
        const mih: PdqMatch[] = index.mihQuery(q, t);
        expect(mih).toEqual(index.linearQuery(q, t));
        matches += mih.length;
      }
    }
    return matches;
  }

  it('on random data with planted near-duplicates, through adds, removals, overflow and rebuilds', () => {
    const next = rng(11);
    const index = new PdqIndex();
    const planted: Uint32Array[] = [];
    let id = 0;
    const addBatch = (n: number) => {
      for (let i = 0; i < n; i++) {
        const h = randomWords(next);
        index.add(id++, h);
        if (i % 50 === 0) {
          planted.push(h);
          // A cluster of near-duplicates at 1..40 bits.
          for (let k = 1; k <= 40; k += 3) index.add(id++, flipped(h, someBits(next, k)));
        }
      }
    };
    const queriesNear = () => planted.slice(-40).map((h) => flipped(h, someBits(next, next() % 20)));
    const thresholds = [0, 1, 8, 16, 24, 31];

    addBatch(20_000); // bulk build
    expect(expectSameAsLinear(index, queriesNear(), thresholds)).toBeGreaterThan(200);

    addBatch(300); // small batch: overflow chains
    expect(expectSameAsLinear(index, queriesNear(), thresholds)).toBeGreaterThan(200);

    for (let r = 0; r < id; r += 3) index.remove(r);
    expect(expectSameAsLinear(index, queriesNear(), thresholds)).toBeGreaterThan(100);

    addBatch(8_000); // large batch: rebuild, dropping tombstones
    expect(expectSameAsLinear(index, queriesNear(), thresholds)).toBeGreaterThan(200);

    for (let r = 0; r < id; r++) if (r % 4 !== 0) index.remove(r);
    addBatch(6_000); // tombstones outnumber live entries: compaction before the rebuild
    expect(expectSameAsLinear(index, queriesNear(), thresholds)).toBeGreaterThan(100);
    expect(index.get(id - 1)).toMatch(/^[0-9a-f]{64}$/);
    expect(index.has(1)).toBe(false);
    expect(index.has(4)).toBe(true);

    const random = Array.from({ length: 20 }, () => randomWords(next));
    expectSameAsLinear(index, random, [31]);
  });
});
