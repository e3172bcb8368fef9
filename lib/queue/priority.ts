/**
 * Placeholder triage score for the "priority" sort (higher first). The sync stores it on each report.
 *
 *   category weight   legal 400, violation 250, other 100, spam 50 (unknown categories count as "other")
 * + media            60 per media item, first 5 items (abuse reports with media are the ones that hurt)
 * + repeat target    40 per earlier report against the same account, first 5 (a pattern, not a one-off)
 * + age              2 per hour unhandled, first 72 hours (old reports slowly rise instead of starving)
 *
 * Integer in [0, 10000]: the column is an Int and the index orders by it. Age is counted at the time the
 * sync writes the report, so it is a tiebreak-sized nudge, not a live clock. Issue 3 will add hash-match
 * severity, distance and quality on top of these terms.
 */
export interface PriorityInput {
  mediaCount: number;
  category: string;
  ageHours: number;
  /** Reports against the same target account before this one (0 for a first report). */
  reportCountAgainstTarget: number;
}

const CATEGORY_WEIGHT: Record<string, number> = { legal: 400, violation: 250, other: 100, spam: 50 };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));

export function computePriority(input: PriorityInput): number {
  const category = CATEGORY_WEIGHT[input.category.toLowerCase()] ?? CATEGORY_WEIGHT.other;
  const media = 60 * clamp(Math.floor(input.mediaCount), 0, 5);
  const repeat = 40 * clamp(Math.floor(input.reportCountAgainstTarget), 0, 5);
  const age = 2 * clamp(Math.floor(input.ageHours), 0, 72);
  return clamp(Math.round(category + media + repeat + age), 0, 10_000);
}
