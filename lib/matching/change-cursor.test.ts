import { describe, expect, it } from 'vitest';
import { ChangeCursor } from './change-cursor';

const n = (x: number) => BigInt(x);

describe('ChangeCursor', () => {
  it('advances over contiguous changes', () => {
    const c = new ChangeCursor(n(10));
    for (const s of [11, 12, 13]) c.markApplied(n(s), 0);
    c.advance(0);
    expect(c.watermark).toBe(n(13));
    expect(c.pending).toBe(0);
    expect(c.isApplied(n(12))).toBe(true);
  });

  it('holds at a gap until the late change arrives, without re-applying what is above it', () => {
    const c = new ChangeCursor(n(10), 1000);
    c.markApplied(n(12), 0);
    c.markApplied(n(13), 0);
    c.advance(500);
    expect(c.watermark).toBe(n(10));
    expect(c.isApplied(n(11))).toBe(false);
    expect(c.isApplied(n(13))).toBe(true);
    c.markApplied(n(11), 600); // the slow transaction committed
    c.advance(600);
    expect(c.watermark).toBe(n(13));
    expect(c.pending).toBe(0);
  });

  it('steps over a gap that stays open past the grace period (a rolled-back insert)', () => {
    const c = new ChangeCursor(n(0), 1000);
    c.markApplied(n(2), 0);
    c.markApplied(n(5), 800);
    c.advance(999);
    expect(c.watermark).toBe(n(0));
    c.advance(1000);
    expect(c.watermark).toBe(n(2));
    c.advance(1799);
    expect(c.watermark).toBe(n(2));
    c.advance(1800);
    expect(c.watermark).toBe(n(5));
  });
});
