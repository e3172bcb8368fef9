/**
 * The multi-index part of PdqIndex: 16 slots of 16 bits (as Meta's HMA configures faiss), each mapping a 16-bit
 * value to the entries holding it. Pigeonhole: if two hashes are within 31 bits, some slot differs by at most 1
 * bit, so probing each slot's exact value and its 16 one-bit flips finds every match at threshold <= 31.
 *
 * Layout: per slot a CSR array (counting sort: offsets[65537], then postings) built in bulk, plus overflow chains
 * (heads[65536] + next[]) for entries added since the last build, so adds are O(16) without a rebuild.
 * Everything is typed arrays, no JS object per entry.
 *
 * Each posting carries a 96-bit sketch of its hash (the three uint32s after the slot's own). The sketch's distance
 * is a lower bound of the full distance and about 48 bits for an unrelated hash, so nearly all of the ~4,000
 * candidates a query meets at 1M entries are rejected from memory read in bucket order instead of by a cache miss
 * into the hash array (5x faster). Entries sit in a parallel array read only for survivors. Cost: 16 bytes per
 * entry per slot, 256 MB at 1M entries.
 */
import { popcount3 } from '../hashing/popcount';
import { distanceWithin, slotValue } from './hash-distance';

export const SLOTS = 16;
const PROBES = 17;
const BUCKETS = 1 << 16;
const NONE = -1;
const EMPTY_OFFSETS = new Int32Array(BUCKETS + 1);

type Visit = (entry: number, distance: number) => void;

interface Postings {
  offsets: Int32Array;
  entries: Int32Array;
  /** 3 int32s per posting. */
  sketches: Int32Array;
}

const emptyPostings = (): Postings => ({ offsets: EMPTY_OFFSETS, entries: new Int32Array(0), sketches: new Int32Array(0) });

export class SlotIndex {
  /** Entries below this were bucketed by the last build (dead ones were left out). */
  builtCount = 0;
  /** Entries in [builtCount, linkedCount) sit in the overflow chains. */
  linkedCount = 0;
  /** Keeps the prefetch loop's loads observable so the JIT cannot drop them. */
  sink = 0;
  private slots: Postings[] = Array.from({ length: SLOTS }, emptyPostings);
  private heads: Int32Array[] = [];
  private next: Int32Array[] = [];
  private starts = new Int32Array(SLOTS * PROBES);
  private ends = new Int32Array(SLOTS * PROBES);

  /** Bucket entries [0, count) that are alive; clears the overflow. */
  build(words: Uint32Array, alive: Uint8Array, count: number): void {
    let live = 0;
    for (let e = 0; e < count; e++) live += alive[e];
    for (let s = 0; s < SLOTS; s++) {
      this.slots[s] = emptyPostings(); // lets the previous build's arrays go before the new ones are allocated
      this.slots[s] = buildPostings(words, alive, count, live, s);
    }
    this.builtCount = this.linkedCount = count;
    this.heads = [];
    this.next = [];
  }

  /** Chain entries [linkedCount, to) into the overflow. */
  link(words: Uint32Array, to: number): void {
    if (this.heads.length === 0) {
      this.heads = Array.from({ length: SLOTS }, () => new Int32Array(BUCKETS).fill(NONE));
      this.next = Array.from({ length: SLOTS }, () => new Int32Array(1024));
    }
    const needed = to - this.builtCount;
    if (this.next[0].length < needed) {
      let cap = this.next[0].length;
      while (cap < needed) cap *= 2;
      this.next = this.next.map((old) => {
        const grown = new Int32Array(cap);
        grown.set(old);
        return grown;
      });
    }
    for (let e = this.linkedCount; e < to; e++) {
      for (let s = 0; s < SLOTS; s++) {
        const v = slotValue(words, e << 3, s);
        this.next[s][e - this.builtCount] = this.heads[s][v];
        this.heads[s][v] = e;
      }
    }
    this.linkedCount = to;
  }

  /**
   * Calls `visit(entry, distance)` for every bucketed entry within `threshold` of `q` that shares a slot value with
   * q up to one bit. Complete for threshold <= 31. An entry can be visited once per slot it matches in, and dead
   * entries are visited too: the caller filters both, keeping the per-candidate loop free of extra loads.
   */
  search(words: Uint32Array, q: Uint32Array, threshold: number, visit: Visit): void {
    const { starts, ends, slots } = this;
    // Bounds of all 272 buckets, then a pass that reads one int per cache line of each: these loops issue
    // independent loads, so their cache misses overlap instead of stalling the scan bucket by bucket (1.3x).
    for (let s = 0, k = 0; s < SLOTS; s++) {
      const { offsets } = slots[s];
      const qv = slotValue(q, 0, s);
      for (let flip = -1; flip < 16; flip++, k++) {
        const v = flip < 0 ? qv : qv ^ (1 << flip);
        starts[k] = offsets[v];
        ends[k] = offsets[v + 1];
      }
    }
    let touched = 0;
    for (let s = 0, k = 0; s < SLOTS; s++) {
      const { sketches } = slots[s];
      for (let f = 0; f < PROBES; f++, k++) {
        for (let p = starts[k] * 3, end = ends[k] * 3; p < end; p += 16) touched ^= sketches[p];
      }
    }
    this.sink = touched;

    for (let s = 0, k = 0; s < SLOTS; s++) {
      const m = s >> 1;
      const qa = q[(m + 1) & 7] | 0;
      const qb = q[(m + 2) & 7] | 0;
      const qc = q[(m + 3) & 7] | 0;
      const { entries, sketches } = slots[s];
      for (let f = 0; f < PROBES; f++, k++) {
        for (let b = starts[k], end = ends[k], p = b * 3; b < end; b++, p += 3) {
          if (popcount3(qa ^ sketches[p], qb ^ sketches[p + 1], qc ^ sketches[p + 2]) > threshold) continue;
          const e = entries[b];
          const d = distanceWithin(words, e, q, threshold);
          if (d <= threshold) visit(e, d);
        }
      }
    }
    if (this.heads.length > 0) this.searchOverflow(words, q, threshold, visit);
  }

  private searchOverflow(words: Uint32Array, q: Uint32Array, threshold: number, visit: Visit): void {
    for (let s = 0; s < SLOTS; s++) {
      const qv = slotValue(q, 0, s);
      const head = this.heads[s];
      const next = this.next[s];
      for (let flip = -1; flip < 16; flip++) {
        const v = flip < 0 ? qv : qv ^ (1 << flip);
        for (let e = head[v]; e !== NONE; e = next[e - this.builtCount]) {
          const d = distanceWithin(words, e, q, threshold);
          if (d <= threshold) visit(e, d);
        }
      }
    }
  }
}

/** Counting sort of the live entries by the value of slot s. */
function buildPostings(words: Uint32Array, alive: Uint8Array, count: number, live: number, s: number): Postings {
  const m = s >> 1;
  const shift = (s & 1) << 4;
  const offsets = new Int32Array(BUCKETS + 1);
  for (let e = 0, b = m; e < count; e++, b += 8) if (alive[e] !== 0) offsets[((words[b] >>> shift) & 0xffff) + 1]++;
  for (let v = 0; v < BUCKETS; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, BUCKETS);
  const entries = new Int32Array(live);
  const sketches = new Int32Array(live * 3);
  const a = (m + 1) & 7;
  const b = (m + 2) & 7;
  const c = (m + 3) & 7;
  for (let e = 0, base = 0; e < count; e++, base += 8) {
    if (alive[e] === 0) continue;
    const at = cursor[(words[base + m] >>> shift) & 0xffff]++;
    entries[at] = e;
    sketches[at * 3] = words[base + a];
    sketches[at * 3 + 1] = words[base + b];
    sketches[at * 3 + 2] = words[base + c];
  }
  return { offsets, entries, sketches };
}
