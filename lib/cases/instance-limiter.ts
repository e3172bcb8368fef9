/**
 * Per-instance limits for copy lookups, in this process and across cases: at most one lookup at a time per
 * instance, and at most `perSecond` starts per instance in any rolling second. A copy search fans out to every
 * instance at once; without this, a burst of cases (a raid that spreads one image) would hit each moderator's
 * server with as many parallel admin searches as there are cases, and trip its rate limit for the sync as well.
 * The clock and the sleep are injectable so tests run without waiting.
 */
export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface InstanceLimiter {
  run<T>(instanceId: string, fn: () => Promise<T>): Promise<T>;
}

export function createInstanceLimiter(opts: { perSecond: number; clock?: LimiterClock }): InstanceLimiter {
  if (!(opts.perSecond > 0)) throw new Error('perSecond must be positive');
  const clock = opts.clock ?? realClock;
  const tails = new Map<string, Promise<unknown>>();
  const starts = new Map<string, number[]>();

  async function waitForSlot(instanceId: string): Promise<void> {
    for (;;) {
      const now = clock.now();
      const recent = (starts.get(instanceId) ?? []).filter((t) => t > now - 1000);
      if (recent.length < opts.perSecond) {
        recent.push(now);
        starts.set(instanceId, recent);
        return;
      }
      await clock.sleep(recent[0] + 1000 - now);
    }
  }

  return {
    run<T>(instanceId: string, fn: () => Promise<T>): Promise<T> {
      // A chain per instance: each lookup starts after the previous one on that instance has settled.
      const prev = tails.get(instanceId) ?? Promise.resolve();
      const result = prev.then(() => waitForSlot(instanceId)).then(fn);
      const tail = result.then(() => undefined, () => undefined);
      tails.set(instanceId, tail);
      // Forget idle instances so the maps stay as small as the set of busy ones.
      void tail.then(() => {
        if (tails.get(instanceId) === tail) {
          tails.delete(instanceId);
          if (!(starts.get(instanceId) ?? []).some((t) => t > clock.now() - 1000)) starts.delete(instanceId);
        }
      });
      return result;
    },
  };
}

/** The process-wide limiter the job uses (one lookup at a time and two per second per instance). */
export const lookupLimiter: InstanceLimiter = createInstanceLimiter({ perSecond: 2 });
