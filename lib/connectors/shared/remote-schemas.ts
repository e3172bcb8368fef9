/**
 * Zod building blocks that state what a real server sends, shared by the six connectors (issue 8, point 1):
 * dates that are real dates, ids matched by the same rule on list and on refresh, and text a database can store.
 */
import { z } from 'zod';

/**
 * The one id rule (contract I5): what `safeId` lets into a URL path is exactly what the list accepts, so a report
 * the list imported can always be refreshed. Numbers must be safe non-negative integers ("1e+21" is not an id).
 */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const remoteIdSchema = z
  .union([z.string().regex(SAFE_ID, 'not an id'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform(String);
/** Ids that are numbers on the wire and in request bodies (Lemmy): the same bound as the typed ids' 12 digits. */
export const numericIdSchema = z.number().int().nonnegative().max(999_999_999_999);

// Years 1..9999 only: Postgres timestamps and Date#toISOString both choke outside them.
const MIN_MS = Date.UTC(1, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO string for a real date, or null for anything else (unparseable, out of range, not a string/number). */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && (value.length === 0 || value.length > 64)) return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return null;
  if (typeof value === 'string' && !realCalendarDay(value)) return null;
  return new Date(ms).toISOString();
}

/** Date.parse rolls "2026-02-30" over to March 2nd; a day that does not exist is not a date. */
function realCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return true;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date the item cannot do without (a report's creation time): anything else fails the item. */
export const requiredDate = z.string().transform((value, ctx) => {
  const iso = toIsoDate(value);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return iso;
});

/**
 * An optional date: null or not a date mean "unknown" (null), never a failed item. A field the payload does not
 * carry at all stays undefined, so a mapper can tell "absent" from "empty" where that matters (contract I1).
 */
export const optionalDate = z.unknown().transform((value) => toIsoDate(value)).optional();
