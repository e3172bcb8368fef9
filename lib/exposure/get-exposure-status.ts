/**
 * Where people stand against the team's exposure limits right now. One person's status runs on every queue load and
 * every reveal; the team page asks for everyone's at once. Either way it is two indexed reads for the whole set
 * (ExposureEvent by userId+startedAt, grouped by person; ExposureLift by userId+expiresAt), never one per person:
 * the severe reveals of the last 24 hours (rolling, not a calendar day, so midnight is no reset), the newest one for
 * the pause, the nth newest (whose leaving the window ends the daily limit), and a lead's lift in force.
 * Viewers never reveal, so they never reach a limit.
 */
import { db } from '@/lib/db';
import { getIdentitySettings } from '@/lib/team/identity-settings';
import { staffLabel } from '@/lib/team/staff-label';
import { getExposureLimits } from './limits-settings';
import { DEFAULT_EXPOSURE_LIMITS } from './limits-schema';
import type { ExposureLimits, ExposureStatus } from './types';

export { DEFAULT_EXPOSURE_LIMITS };

const DAY_MS = 24 * 60 * 60 * 1000;

interface Facts { n: number; newest: number | null; nth: number | null }
type Lift = { expiresAt: Date; reason: string; liftedById: string };

export async function getExposureStatus(userId: string, opts: { limits?: ExposureLimits; now?: Date } = {}): Promise<ExposureStatus> {
  return (await getExposureStatuses([userId], opts)).get(userId)!;
}

export async function getExposureStatuses(userIds: string[], opts: { limits?: ExposureLimits; now?: Date } = {}): Promise<Map<string, ExposureStatus>> {
  const now = opts.now ?? new Date();
  const limits = opts.limits ?? (await getExposureLimits());
  const since = new Date(now.getTime() - DAY_MS);
  const nth = Math.max(limits.maxSevereRevealsPerDay ?? 1, 1);
  // Epoch milliseconds: the columns are UTC timestamps without zone.
  const [rows, lifts] = await Promise.all([
    userIds.length === 0 ? [] : db.$queryRaw<(Facts & { userId: string })[]>`
      select "userId"::text as "userId", count(*)::int as n,
        (extract(epoch from max("startedAt")) * 1000)::float8 as newest,
        (extract(epoch from (array_agg("startedAt" order by "startedAt" desc))[${nth}::int]) * 1000)::float8 as nth
      from "ExposureEvent"
      where "userId" = any(${userIds}::uuid[]) and kind = 'reveal' and severity >= ${limits.severeAt} and "startedAt" > (${since.toISOString()}::timestamptz at time zone 'UTC')
      group by "userId"`,
    db.exposureLift.findMany({ where: { userId: { in: userIds }, expiresAt: { gt: now } }, orderBy: { expiresAt: 'asc' } }),
  ]);
  const facts = new Map(rows.map((r) => [r.userId, r]));
  const liftOf = new Map<string, Lift>(lifts.map((l) => [l.userId, l])); // ascending: the latest expiry wins
  const leads = await leadLabels([...new Set(lifts.map((l) => l.liftedById))]);
  return new Map(userIds.map((id) => [id, toStatus(facts.get(id) ?? { n: 0, newest: null, nth: null }, liftOf.get(id) ?? null, leads, limits, now)]));
}

function toStatus(f: Facts, lift: Lift | null, leads: Map<string, string>, limits: ExposureLimits, now: Date): ExposureStatus {
  const base: ExposureStatus = { limited: false, reason: null, until: null, severeRevealsLast24h: f.n, limits, lift: null };
  // A lead's lift in force wins over both limits until it expires.
  if (lift) return { ...base, lift: { expiresAt: lift.expiresAt.toISOString(), by: leads.get(lift.liftedById) ?? 'a lead', reason: lift.reason } };
  const max = limits.maxSevereRevealsPerDay;
  const dailyUntil = max !== null && f.n >= max && f.nth !== null ? new Date(f.nth + DAY_MS) : null;
  const pauseMs = (limits.pauseAfterSevereMinutes ?? 0) * 60_000;
  const pauseUntil = pauseMs > 0 && f.newest !== null && f.newest + pauseMs > now.getTime() ? new Date(f.newest + pauseMs) : null;
  if (!dailyUntil && !pauseUntil) return base;
  const until = new Date(Math.max(dailyUntil?.getTime() ?? 0, pauseUntil?.getTime() ?? 0));
  const why = dailyUntil
    ? `You revealed ${f.n} severe ${f.n === 1 ? 'item' : 'items'} in the last 24 hours, the team's limit.`
    : `You revealed a severe item ${minutesAgo(f.newest ?? now.getTime(), now)}; the team asks for a ${limits.pauseAfterSevereMinutes}-minute pause after each one.`;
  // Only the why: the pages add until when, where severe reports go and the break (components/exposure).
  return { ...base, limited: true, reason: why, until: until.toISOString() };
}

async function leadLabels(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [leads, identity] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true, pseudonym: true } }),
    getIdentitySettings(),
  ]);
  return new Map(leads.map((l) => [l.id, staffLabel(l, { showPseudonyms: identity.showPseudonyms, viewerIsAdmin: false })]));
}

function minutesAgo(atMs: number, now: Date): string {
  const m = Math.floor((now.getTime() - atMs) / 60_000);
  return m < 1 ? 'less than a minute ago' : `${m} ${m === 1 ? 'minute' : 'minutes'} ago`;
}
