/**
 * id -> entry index for PdqIndex. Open addressing with linear probing over typed arrays: at 10M entries a JS Map
 * costs several times the memory and pressures the GC; this costs 12 bytes per slot at <= 70% load.
 * Deletion shifts the probe run back instead of leaving tombstones, so lookups never slow down with churn.
 */
const EMPTY = -1;
const MAX_LOAD = 0.7;

export class IdTable {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Entry index for `id`, or -1. */
  get(id: number): number {
    const i = this.find(id);
    return i < 0 ? EMPTY : this.vals[i];
  }

  set(id: number, value: number): void {
    let i = this.slotOf(id);
    while (this.vals[i] !== EMPTY) {
      if (this.keys[i] === id) {
        this.vals[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.keys[i] = id;
    this.vals[i] = value;
    this.count++;
    if (this.count > this.vals.length * MAX_LOAD) this.grow();
  }

  /** Removes `id`; returns its entry index, or -1 if absent. */
  delete(id: number): number {
    let hole = this.find(id);
    if (hole < 0) return EMPTY;
    const removed = this.vals[hole];
    this.vals[hole] = EMPTY;
    this.count--;
    // Move back any later entry of the run whose home slot is not cyclically within (hole, j].
    for (let j = (hole + 1) & this.mask; this.vals[j] !== EMPTY; j = (j + 1) & this.mask) {
      const home = this.slotOf(this.keys[j]);
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      this.keys[hole] = this.keys[j];
      this.vals[hole] = this.vals[j];
      this.vals[j] = EMPTY;
      hole = j;
    }
    return removed;
  }

  private find(id: number): number {
    for (let i = this.slotOf(id); this.vals[i] !== EMPTY; i = (i + 1) & this.mask) {
      if (this.keys[i] === id) return i;
    }
    return -1;
  }

  /** Mixes both 32-bit halves so ids above 2^32 spread too. */
  private slotOf(id: number): number {
    let h = Math.imul((id >>> 0) ^ Math.imul(Math.floor(id / 4294967296), 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & this.mask;
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(vals.length * 2).fill(EMPTY);
    this.mask = this.vals.length - 1;
    this.count = 0;
    for (let i = 0; i < vals.length; i++) if (vals[i] !== EMPTY) this.set(keys[i], vals[i]);
  }
}
