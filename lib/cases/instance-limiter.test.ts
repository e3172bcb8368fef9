import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInstanceLimiter, type LimiterClock } from './instance-limiter';

/** A virtual clock: sleeping moves time forward at once, so rate limits are checked without waiting. */
function jumpingClock(): LimiterClock & { t: number } {
  const c = { t: 1_000_000, now: () => c.t, sleep: async (ms: number) => { c.t += Math.max(0, ms); } };
  return c;
}

describe('instance limiter', () => {
  it('runs one lookup at a time per instance, and instances in parallel', async () => {
    const limiter = createInstanceLimiter({ perSecond: 100, clock: jumpingClock() });
    const active = new Map<string, number>();
    let peakPerInstance = 0;
    let peakOverall = 0;
    const job = (id: string) => limiter.run(id, async () => {
      active.set(id, (active.get(id) ?? 0) + 1);
      peakPerInstance = Math.max(peakPerInstance, active.get(id)!);
      peakOverall = Math.max(peakOverall, [...active.values()].reduce((a, b) => a + b, 0));
      await new Promise((r) => setTimeout(r, 5));
      active.set(id, active.get(id)! - 1);
      return id;
    });
    const out = await Promise.all(['a', 'a', 'a', 'b', 'b', 'c'].map(job));
    expect(out).toEqual(['a', 'a', 'a', 'b', 'b', 'c']);
    expect(peakPerInstance).toBe(1);
    expect(peakOverall).toBe(3);
  });

  it('never starts more than perSecond lookups on one instance in any second', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 25 }),
      async (perSecond, ids) => {
        const clock = jumpingClock();
        const limiter = createInstanceLimiter({ perSecond, clock });
        const starts: Record<string, number[]> = {};
        await Promise.all(ids.map((id) => limiter.run(id, async () => { (starts[id] ??= []).push(clock.now()); })));
        for (const times of Object.values(starts)) {
          for (let i = perSecond; i < times.length; i++) expect(times[i] - times[i - perSecond]).toBeGreaterThanOrEqual(1000);
        }
        expect(Object.values(starts).flat()).toHaveLength(ids.length);
      },
    ), { numRuns: 60 });
  });

  it('a failing lookup neither blocks the next one on its instance nor hides its error', async () => {
    const limiter = createInstanceLimiter({ perSecond: 10, clock: jumpingClock() });
    const first = limiter.run('a', async () => { throw new Error('boom'); });
    const second = limiter.run('a', async () => 'ok');
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('ok');
  });

  it('waits out the window on a real clock too (2 per second: the third starts a second after the first)', async () => {
    let t = 0;
    const slept: number[] = [];
    const limiter = createInstanceLimiter({ perSecond: 2, clock: { now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } } });
    for (let i = 0; i < 3; i++) await limiter.run('a', async () => { t += 100; });
    expect(slept).toEqual([800]);
  });
});
