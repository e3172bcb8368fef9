/**
 * The queue's triage score for the "priority" sort: one pure function, higher sorts first. Integer in
 * [0, 1_000_000] (the column is an Int and the index orders by it).
 *
 * Two tiers, so that any hash match outranks every report without one:
 *
 *   no match   base                                                         0 ..   1_044
 *   match      100_000 + (severity - 1) * 170_000                     100_000 .. 942_130
 *                      + closeness * 2_500 + qualityLevel * 200 + floor(base / 8)
 *
 * Within the match tier the order is strictly lexicographic (each step is larger than everything below it):
 *   1. severity 1-5 of the bank (5 = critical, e.g. CSAM);
 *   2. closeness = 64 - min(distance, 64): exact MD5/SHA-256 and PDQ distance 0 are closest. The threshold cannot
 *      exceed 64, so farther distances never occur in a stored match and rank alike;
 *   3. quality level = floor(quality / 10), 0-10: a sharper image's distance is better evidence. A null quality
 *      with a match means an exact byte match, which is certain and ranks as 100;
 *   4. the base score, scaled down, as the last tiebreak.
 * Decision: severity outranks distance. A severity-5 match at distance 20 sorts above a severity-3 exact match:
 * anything within the threshold is already a confident match (PDQ's own recommendation of 31 bits), so what the
 * hash is known to be decides how urgently a human must look, not how close the copy is.
 *
 * base: category weight (legal 400, violation 250, other 100, spam 50; unknown counts as other, case-insensitive)
 *     + 60 per media item, first 5 (reports with media are the ones that hurt)
 *     + 40 per other report against the same account, first 5 (a pattern, not a one-off)
 *     + 2 per hour since the report was made, first 72 (old reports slowly rise instead of starving).
 * Age is counted when the report is written, so it is a tiebreak-sized nudge, not a live clock.
 */
export interface PriorityInput {
  /** 0 = no match, else the best matching bank's severity 1-5. */
  severity: number;
  /** Hamming distance of that match (0-256; 0 for exact), null without one. */
  distance: number | null;
  /** PDQ quality 0-100 of the matched media; null for exact matches or without a match. */
  quality: number | null;
  /** Reports against the same target account, this one included. */
  reportCount: number;
  ageHours: number;
  category: string;
  mediaCount: number;
}

export const MAX_PRIORITY = 1_000_000;
export const MATCH_FLOOR = 100_000;
const SEVERITY_BAND = 170_000;
const DISTANCE_STEP = 2_500;
const QUALITY_STEP = 200;
const MAX_DISTANCE_RANKED = 64;

const CATEGORY_WEIGHT: Record<string, number> = { legal: 400, violation: 250, other: 100, spam: 50 };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(n) ? n : lo));
const whole = (n: number, lo: number, hi: number) => Math.floor(clamp(n, lo, hi));

export function computePriority(input: PriorityInput): number {
  const base = baseScore(input);
  const severity = whole(input.severity, 0, 5);
  if (severity === 0) return base;
  const distance = input.distance === null ? MAX_DISTANCE_RANKED : whole(input.distance, 0, MAX_DISTANCE_RANKED);
  const quality = input.quality === null ? 100 : whole(input.quality, 0, 100);
  const score = MATCH_FLOOR + (severity - 1) * SEVERITY_BAND + (MAX_DISTANCE_RANKED - distance) * DISTANCE_STEP
    + Math.floor(quality / 10) * QUALITY_STEP + Math.floor(base / 8);
  return clamp(score, 0, MAX_PRIORITY);
}

function baseScore(input: PriorityInput): number {
  const category = CATEGORY_WEIGHT[String(input.category).toLowerCase()] ?? CATEGORY_WEIGHT.other;
  const media = 60 * whole(input.mediaCount, 0, 5);
  const repeat = 40 * whole(input.reportCount - 1, 0, 5);
  const age = 2 * whole(input.ageHours, 0, 72);
  return category + media + repeat + age;
}
