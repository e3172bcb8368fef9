import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../hashing/hex';
import { SlotIndex } from './slot-index';

describe('SlotIndex', () => {
  it('finds the same entries whether sketches share one wasm memory or sit in several', () => {
    let seed = 99;
    const next = () => {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
      return seed >>> 0;
    };
    const count = 3000;
    const words = new Uint32Array(count * 8);
    for (let i = 0; i < words.length; i++) words[i] = next();
    // Near-duplicates of entry 0 at growing distances.
    for (let e = 1; e <= 40; e++) {
      words.copyWithin(e * 8, 0, 8);
      for (let k = 0; k < e; k++) words[e * 8 + (k % 8)] ^= 1 << ((k * 7) % 32);
    }
    const alive = new Uint8Array(count).fill(1);
    alive[3] = 0;
    const q = words.slice(0, 8);

    const results = [Infinity, 3000 * 12 * 3].map((maxStoreBytes) => {
      const index = maxStoreBytes === Infinity ? new SlotIndex() : new SlotIndex(maxStoreBytes);
      index.build(words, alive, count);
      const found = new Map<number, number>();
      index.search(words, q, 31, (e, d) => found.set(e, d));
      return found;
    });

    const expected = new Map<number, number>();
    for (let e = 0; e < count; e++) {
      const d = hammingDistance(q, words.subarray(e * 8, e * 8 + 8));
      if (d <= 31 && alive[e]) expected.set(e, d);
    }
    for (const found of results) {
      found.delete(3); // dead entries are visited; PdqIndex filters them
      expect([...found].sort((a, b) => a[0] - b[0])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    }
    expect(expected.size).toBeGreaterThan(20);
  });
});
