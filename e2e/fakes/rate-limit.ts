/**
 * A fixed-window rate limiter shared by every fake (Mastodon's rack-attack throttle, PeerTube's login limit...),
 * plus a test hook to exhaust it on demand.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
}

export class RateLimiter {
  limit: number;
  windowMs: number;
  private used = 0;
  private windowStart: number;
  /** When set, the window resets by itself after this many 429s, so tests need not wait in real time. */
  private forcedTimes: number | null = null;

  /** `now` lets a fake with its own clock (PeerTube's login limit) start the window on that clock. */
  constructor(opts: RateLimitOptions, now = Date.now()) {
    this.windowStart = now;
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
  }

  hit(now = Date.now()): RateLimitVerdict {
    if (now >= this.windowStart + this.windowMs) this.resetWindow(now);
    const resetAt = new Date(this.windowStart + this.windowMs);
    if (this.used >= this.limit) {
      if (this.forcedTimes !== null && --this.forcedTimes <= 0) this.resetWindow(now);
      return { allowed: false, limit: this.limit, remaining: 0, resetAt };
    }
    this.used++;
    return { allowed: true, limit: this.limit, remaining: this.limit - this.used, resetAt };
  }

  force(opts: { remaining: number; times?: number; limit?: number; windowMs?: number }, now = Date.now()): void {
    if (opts.limit !== undefined) this.limit = opts.limit;
    if (opts.windowMs !== undefined) this.windowMs = opts.windowMs;
    this.windowStart = now;
    this.used = Math.max(0, this.limit - opts.remaining);
    this.forcedTimes = opts.times ?? null;
  }

  private resetWindow(now: number): void {
    this.windowStart = now;
    this.used = 0;
    this.forcedTimes = null;
  }
}
