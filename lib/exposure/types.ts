/**
 * Exposure view models (issue 15), shared by lib/exposure (core helper) and the pages (UI helper). Counts and times
 * only: never a picture, a URL of one, or a post's text.
 */

/** Team limits, Setting 'exposure.limits'. null turns that limit off. */
export interface ExposureLimits {
  /** Severity (1-5) from which an item counts as severe. Default 4. */
  severeAt: number;
  /** At most this many reveals of severe originals in the last 24 hours (rolling). Default 20. */
  maxSevereRevealsPerDay: number | null;
  /** After each severe reveal, severe items are not routed to that person for this many minutes. Default null (off). */
  pauseAfterSevereMinutes: number | null;
}

/** One person's state against the limits, right now. */
export interface ExposureStatus {
  /** true: the queue does not route severe items to this person, and severe originals are not revealed to them. */
  limited: boolean;
  /** Why, in words for the person ("You revealed 20 severe items in the last 24 hours, the team's limit."). */
  reason: string | null;
  /** ISO time the limit ends by itself (the oldest counted reveal leaves the window, or the pause ends), or null. */
  until: string | null;
  severeRevealsLast24h: number;
  limits: ExposureLimits;
  /** A lead's lift in force: ISO expiry, with the lead's label and reason. */
  lift: { expiresAt: string; by: string; reason: string } | null;
}

/** One day (UTC) of one person's exposure. */
export interface ExposureDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  reveals: number;
  severeReveals: number;
  /** Sum of known reveal durations, in seconds. */
  revealSeconds: number;
  caseViews: number;
  evidenceOpens: number;
}

/** One ISO week (Monday, UTC) of one person's exposure. */
export interface ExposureWeek extends Omit<ExposureDay, 'day'> {
  /** YYYY-MM-DD of the week's Monday (UTC). */
  weekStart: string;
}

export interface MyExposureView {
  days: ExposureDay[]; // the last 28 days, oldest first, every day present (zeros included)
  weeks: ExposureWeek[]; // the last 12 weeks, oldest first
  status: ExposureStatus;
  /** The last 20 events, newest first, without content: kind, severity, label, when, how long. */
  recent: { kind: 'reveal' | 'case_view' | 'evidence_open'; severity: number; label: string | null; at: string; durationSeconds: number | null }[];
}

/** For leads (admins and owners): each colleague's exposure, never the content. */
export interface TeamExposureRow {
  userId: string;
  /** staffLabel of the member (pseudonym where the team shows pseudonyms; admins also see the real name). */
  label: string;
  role: string;
  last7: Omit<ExposureDay, 'day'>;
  last28: Omit<ExposureDay, 'day'>;
  days: ExposureDay[]; // the last 28 days, for a small chart
  status: ExposureStatus;
}

export interface TeamExposureView {
  rows: TeamExposureRow[];
  limits: ExposureLimits;
}
