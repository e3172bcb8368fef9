/**
 * Where the bank index stands in the BankChange feed. Sequence numbers are handed out at insert, not at commit, so
 * a change can become visible after a higher one was already read (a long CSV import commits late). Reading
 * "seq > highest seen" would skip it forever. Instead the cursor keeps a watermark below which everything was
 * applied, remembers which changes above it were applied, and only steps over a gap once it has stayed open for
 * `graceMs` (a rolled-back transaction leaves a gap that never fills).
 */
export const DEFAULT_GAP_GRACE_MS = 120_000;

export class ChangeCursor {
  /** seq above the watermark -> when it was applied. */
  private applied = new Map<bigint, number>();

  constructor(public watermark: bigint, private readonly graceMs = DEFAULT_GAP_GRACE_MS) {}

  isApplied(seq: bigint): boolean {
    return seq <= this.watermark || this.applied.has(seq);
  }

  markApplied(seq: bigint, now: number): void {
    if (seq > this.watermark && !this.applied.has(seq)) this.applied.set(seq, now);
  }

  /** Changes applied above an unfilled gap (kept for tests and logs). */
  get pending(): number {
    return this.applied.size;
  }

  /** Moves the watermark over contiguous applied changes, and over gaps older than the grace period. */
  advance(now: number): void {
    for (;;) {
      const next = this.watermark + BigInt(1);
      if (this.applied.delete(next)) {
        this.watermark = next;
        continue;
      }
      let lowest: bigint | null = null;
      for (const seq of this.applied.keys()) if (lowest === null || seq < lowest) lowest = seq;
      if (lowest === null || now - (this.applied.get(lowest) ?? now) < this.graceMs) return;
      this.watermark = lowest - BigInt(1);
    }
  }
}
