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
 * into the hash array (5x faster), by a small wasm loop (sketch-scan.ts, another 1.6x). Entries sit in a parallel
 * array read only for survivors. Cost: 16 bytes per entry per slot, 256 MB at 1M entries.
 */
import { distanceWithin, slotValue } from './hash-distance';
import { createSketchStore, MAX_STORE_BYTES, SKETCH_BYTES, type SketchStore } from './sketch-scan';

export const SLOTS = 16;
const PROBES = 17;
const BUCKETS = 1 << 16;
const NONE = -1;
const EMPTY_OFFSETS = new Int32Array(BUCKETS + 1);

type Visit = (entry: number, distance: number) => void;

interface Postings {
  offsets: Int32Array;
  entries: Int32Array;
  sketches: SketchStore;
  /** Byte offset of this slot's first sketch in `sketches`. */
  base: number;
}

let emptyStore: SketchStore | undefined;
const emptyPostings = (): Postings => {
  emptyStore ??= createSketchStore(0);
  return { offsets: EMPTY_OFFSETS, entries: new Int32Array(0), sketches: emptyStore, base: 0 };
};

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

  /** `maxStoreBytes` is only lowered by tests, to exercise sketches split across several wasm memories. */
  constructor(private readonly maxStoreBytes = MAX_STORE_BYTES) {}

  /** Bucket entries [0, count) that are alive; clears the overflow. */
  build(words: Uint32Array, alive: Uint8Array, count: number): void {
    let live = 0;
    for (let e = 0; e < count; e++) live += alive[e];
    // Drop the previous build first so its memory can go before the new arrays are allocated; if this throws, the
    // index is left empty but consistent.
    this.slots = Array.from({ length: SLOTS }, emptyPostings);
    this.builtCount = this.linkedCount = 0;
    this.heads = [];
    this.next = [];
    const slotBytes = live * SKETCH_BYTES;
    const perStore = Math.min(SLOTS, Math.floor(this.maxStoreBytes / Math.max(1, slotBytes)));
    if (perStore === 0) throw new Error('PdqIndex: too many entries for one sketch store');
    const stores = Array.from({ length: Math.ceil(SLOTS / perStore) }, (_, g) =>
      createSketchStore(Math.min(perStore, SLOTS - g * perStore) * slotBytes),
    );
    this.slots = Array.from({ length: SLOTS }, (_, s) =>
      buildPostings(words, alive, count, live, s, stores[Math.floor(s / perStore)], (s % perStore) * slotBytes),
    );
    this.builtCount = this.linkedCount = count;
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
      const { offsets, base } = slots[s];
      const qv = slotValue(q, 0, s);
      for (let flip = -1; flip < 16; flip++, k++) {
        const v = flip < 0 ? qv : qv ^ (1 << flip);
        starts[k] = base + offsets[v] * SKETCH_BYTES;
        ends[k] = base + offsets[v + 1] * SKETCH_BYTES;
      }
    }
    let touched = 0;
    for (let s = 0, k = 0; s < SLOTS; s++) {
      const { view } = slots[s].sketches;
      for (let f = 0; f < PROBES; f++, k++) {
        for (let p = starts[k] >> 2, end = ends[k] >> 2; p < end; p += 16) touched ^= view[p];
      }
    }
    this.sink = touched;

    for (let s = 0, k = 0; s < SLOTS; s++) {
      const m = s >> 1;
      const qa = q[(m + 1) & 7] | 0;
      const qb = q[(m + 2) & 7] | 0;
      const qc = q[(m + 3) & 7] | 0;
      const { entries, sketches, base } = slots[s];
      const { scan } = sketches;
      for (let f = 0; f < PROBES; f++, k++) {
        const end = ends[k];
        let at = scan(starts[k], end, qa, qb, qc, threshold);
        while (at < end) {
          const e = entries[(at - base) / SKETCH_BYTES];
          const d = distanceWithin(words, e, q, threshold);
          if (d <= threshold) visit(e, d);
          at = scan(at + SKETCH_BYTES, end, qa, qb, qc, threshold);
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
function buildPostings(
  words: Uint32Array, alive: Uint8Array, count: number, live: number, s: number, store: SketchStore, base: number,
): Postings {
  const m = s >> 1;
  const shift = (s & 1) << 4;
  const offsets = new Int32Array(BUCKETS + 1);
  for (let e = 0, b = m; e < count; e++, b += 8) if (alive[e] !== 0) offsets[((words[b] >>> shift) & 0xffff) + 1]++;
  for (let v = 0; v < BUCKETS; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, BUCKETS);
  const entries = new Int32Array(live);
  const sketches = store.view;
  const first = base >> 2;
  const a = (m + 1) & 7;
  const b = (m + 2) & 7;
  const c = (m + 3) & 7;
  for (let e = 0, w = 0; e < count; e++, w += 8) {
    if (alive[e] === 0) continue;
    const at = cursor[(words[w + m] >>> shift) & 0xffff]++;
    entries[at] = e;
    sketches[first + at * 3] = words[w + a];
    sketches[first + at * 3 + 1] = words[w + b];
    sketches[first + at * 3 + 2] = words[w + c];
  }
  return { offsets, entries, sketches: store, base };
}
