/**
 * The constants and input shapes of report weighting (score-reports.ts explains the rules). Kept apart so the
 * brigade check and the scorer share them without importing each other.
 */
export const WEIGHTS = {
  established: 1,
  establishedDays: 30,
  fresh: 0.2,
  freshDays: 7,
  unknownAge: 0.6,
  wrongPenalty: 0.8,
  perInstanceCap: 1.5,
  anonymous: 0.3,
} as const;

export const BRIGADE = {
  minReports: 5,
  clusterHours: 72,
  clusterShare: 0.6,
  burstHours: 6,
  burstShare: 0.8,
} as const;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export type DateLike = Date | string | number | null | undefined;

export interface WeighedReport {
  reportId: string;
  instanceId: string;
  instanceDomain: string;
  /** null: no reporter (forwarded from another server, or the server hides it). */
  reporter: { key: string; domain: string; createdAt: DateLike } | null;
  createdAt: DateLike;
}

/** Earlier closed reports per reporter key, and how many of them were wrong (rejected / closed without action). */
export type ReporterHistory = ReadonlyMap<string, { closed: number; wrong: number }>;

export function toTime(v: DateLike): number | null {
  if (v === null || v === undefined) return null;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : null;
}
