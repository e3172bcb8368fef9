/**
 * Fixed-window counters in the RateLimit table, shared by every web process. One row per key and window;
 * the increment is a single INSERT … ON CONFLICT, so concurrent attempts cannot both read a stale count.
 */
import { db } from '@/lib/db';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

function windowOf(windowSeconds: number, now: Date): { start: Date; retryAfterSeconds: number } {
  const ms = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + ms - now.getTime()) / 1000)) };
}

/** Counts one event; `allowed` is false once the window holds more than `max`. */
export async function hit(key: string, windowSeconds: number, max: number, now = new Date()): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(windowSeconds, now);
  // The column is timestamp(3) without time zone holding UTC (Prisma's convention), hence the ISO text cast.
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimit" ("key", "windowStart", "count") values (${key}, ${start.toISOString()}::timestamp, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimit"."count" + 1
    returning "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (Math.random() < 0.01) await pruneOldWindows(now);
  return { allowed: count <= max, count, retryAfterSeconds };
}

/** Reads the current window without counting (`allowed`: one more event still fits): sign-in checks this before it spends a password hash. */
export async function peek(key: string, windowSeconds: number, max: number, now = new Date()): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(windowSeconds, now);
  const row = await db.rateLimit.findUnique({ where: { key_windowStart: { key, windowStart: start } } });
  const count = row?.count ?? 0;
  return { allowed: count < max, count, retryAfterSeconds };
}

export async function resetKey(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Old windows are dead weight; an occasional sweep keeps the table small without a scheduled job. */
async function pruneOldWindows(now: Date): Promise<void> {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}
