/**
 * Where one person stands against the team's exposure limits right now. It runs on every queue load and every
 * reveal, so it is two indexed reads (ExposureEvent by userId+startedAt, ExposureLift by userId+expiresAt):
 * the severe reveals of the last 24 hours (rolling, not a calendar day, so midnight is no reset), the newest
 * one for the pause, and a lead's lift in force. Viewers never reveal, so they never reach a limit.
 */
import { db } from '@/lib/db';
import { getIdentitySettings } from '@/lib/team/identity-settings';
import { staffLabel } from '@/lib/team/staff-label';
import { getExposureLimits } from './limits-settings';
import { DEFAULT_EXPOSURE_LIMITS } from './limits-schema';
import type { ExposureLimits, ExposureStatus } from './types';

export { DEFAULT_EXPOSURE_LIMITS };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getExposureStatus(userId: string, opts: { limits?: ExposureLimits; now?: Date } = {}): Promise<ExposureStatus> {
  const now = opts.now ?? new Date();
  const limits = opts.limits ?? (await getExposureLimits());
  const since = new Date(now.getTime() - DAY_MS);
  const nth = Math.max(limits.maxSevereRevealsPerDay ?? 1, 1);
  // One pass over the person's severe reveals of the window: how many, the newest (for the pause) and the nth newest,
  // whose leaving the window ends the daily limit. Epoch milliseconds: the columns are UTC timestamps without zone.
  const [rows, lift] = await Promise.all([
    db.$queryRaw<{ n: number; newest: number | null; nth: number | null }[]>`
      select count(*)::int as n,
        (extract(epoch from max("startedAt")) * 1000)::float8 as newest,
        (extract(epoch from (array_agg("startedAt" order by "startedAt" desc))[${nth}::int]) * 1000)::float8 as nth
      from "ExposureEvent"
      where "userId" = ${userId}::uuid and kind = 'reveal' and severity >= ${limits.severeAt} and "startedAt" > (${since.toISOString()}::timestamptz at time zone 'UTC')`,
    db.exposureLift.findFirst({ where: { userId, expiresAt: { gt: now } }, orderBy: { expiresAt: 'desc' } }),
  ]);
  const count = rows[0]?.n ?? 0;
  const newest = rows[0]?.newest ?? null;
  const nthNewest = rows[0]?.nth ?? null;
  const base: ExposureStatus = { limited: false, reason: null, until: null, severeRevealsLast24h: count, limits, lift: null };

  // A lead's lift in force wins over both limits until it expires.
  if (lift) return { ...base, lift: { expiresAt: lift.expiresAt.toISOString(), by: await liftedByLabel(lift.liftedById), reason: lift.reason } };
  const max = limits.maxSevereRevealsPerDay;
  const dailyUntil = max !== null && count >= max && nthNewest !== null ? new Date(nthNewest + DAY_MS) : null;
  const pauseMs = (limits.pauseAfterSevereMinutes ?? 0) * 60_000;
  const pauseUntil = pauseMs > 0 && newest !== null && newest + pauseMs > now.getTime() ? new Date(newest + pauseMs) : null;
  if (!dailyUntil && !pauseUntil) return base;
  const until = new Date(Math.max(dailyUntil?.getTime() ?? 0, pauseUntil?.getTime() ?? 0));
  const why = dailyUntil
    ? `You revealed ${count} severe ${count === 1 ? 'item' : 'items'} in the last 24 hours, the team's limit.`
    : `You revealed a severe item ${minutesAgo(newest ?? now.getTime(), now)}; the team asks for a ${limits.pauseAfterSevereMinutes}-minute pause after each one.`;
  // Only the why: the pages add until when, where severe reports go and the break (components/exposure).
  return { ...base, limited: true, reason: why, until: until.toISOString() };
}

async function liftedByLabel(userId: string): Promise<string> {
  const [lead, identity] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, pseudonym: true } }),
    getIdentitySettings(),
  ]);
  return lead ? staffLabel(lead, { showPseudonyms: identity.showPseudonyms, viewerIsAdmin: false }) : 'a lead';
}

function minutesAgo(atMs: number, now: Date): string {
  const m = Math.floor((now.getTime() - atMs) / 60_000);
  return m < 1 ? 'less than a minute ago' : `${m} ${m === 1 ? 'minute' : 'minutes'} ago`;
}

