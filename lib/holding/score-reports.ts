/**
 * Report weighting (pure): how much the open reports against one person weigh, and whether they look like a
 * brigade. Mass reporting is cheap (fresh accounts, one friendly server), so the score counts people and servers,
 * not reports, and a burst that looks organised is flagged for a human instead of firing a rule.
 *
 * - One reporter counts once (their second report adds nothing); a person is `key` (acct@domain, lower case).
 * - Weight by account age: >= 30 days 1; < 7 days 0.2; in between rising linearly; unknown age 0.6.
 * - Previously wrong reporters (earlier reports rejected or closed without action) count less:
 *   x (1 - 0.8 * wrong / (closed + 1)), so one wrong report of one costs 40%, a habit costs up to 80%.
 * - One home instance contributes at most 1.5: one server cannot carry a rule's usual threshold (3) alone.
 * - A report without a reporter (forwarded by a remote server) counts once per instance at 0.3.
 * - Brigade (needs >= 5 reports): >= 60% of reporters' accounts made within 72 hours of each other, or >= 80% of
 *   the reports from one home instance within 6 hours. The score is still computed and stored.
 * Unparseable or future dates are "unknown", never an error.
 */
import type { BrigadeFlag } from './types';
import { detectBrigade } from './detect-brigade';
import { DAY, toTime, WEIGHTS, type DateLike, type ReporterHistory, type WeighedReport } from './weights';

export { BRIGADE, WEIGHTS, toTime, type DateLike, type ReporterHistory, type WeighedReport } from './weights';

export interface Contribution {
  /** The reporter's key, or null for anonymous reports of one instance. */
  reporter: string | null;
  domain: string;
  weight: number;
  reportIds: string[];
}

export interface ReportScore {
  score: number;
  brigade: BrigadeFlag | null;
  reporters: number;
  instances: number;
  contributions: Contribution[];
}

/** Age weight: non-decreasing in age; unknown (or a date in the future) in between. */
export function ageWeight(createdAt: DateLike, now: number): number {
  return ageWeightAt(toTime(createdAt), now);
}

function ageWeightAt(t: number | null, now: number): number {
  if (t === null || t > now) return WEIGHTS.unknownAge;
  const days = (now - t) / DAY;
  if (days >= WEIGHTS.establishedDays) return WEIGHTS.established;
  if (days < WEIGHTS.freshDays) return WEIGHTS.fresh;
  const span = (days - WEIGHTS.freshDays) / (WEIGHTS.establishedDays - WEIGHTS.freshDays);
  return WEIGHTS.fresh + span * (WEIGHTS.established - WEIGHTS.fresh);
}

export function historyFactor(h: { closed: number; wrong: number } | undefined): number {
  if (!h) return 1;
  const closed = Number.isFinite(h.closed) ? Math.max(0, h.closed) : 0;
  const wrong = Number.isFinite(h.wrong) ? Math.min(Math.max(0, h.wrong), closed) : 0;
  return 1 - (WEIGHTS.wrongPenalty * wrong) / (closed + 1);
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function scoreReports(reports: WeighedReport[], history: ReporterHistory, now: Date | number): ReportScore {
  const at = toTime(now) ?? Date.now();
  // Order-free merge: a reporter seen twice keeps their lowest weight and one domain, so a copy never adds.
  const people = new Map<string, Contribution & { createdAt: number | null }>();
  for (const r of reports) {
    const who = r.reporter;
    const key = who ? `p:${who.key}` : `a:${r.instanceId}`;
    const domain = who ? who.domain : r.instanceDomain;
    const made = who ? toTime(who.createdAt) : null;
    const weight = who ? ageWeightAt(made, at) * historyFactor(history.get(who.key)) : WEIGHTS.anonymous;
    const prev = people.get(key);
    if (!prev) {
      people.set(key, { reporter: who ? who.key : null, domain, weight, reportIds: [r.reportId], createdAt: made !== null && made <= at ? made : null });
      continue;
    }
    prev.weight = Math.min(prev.weight, weight);
    if (domain < prev.domain) prev.domain = domain;
    if (made !== null && made <= at && (prev.createdAt === null || made < prev.createdAt)) prev.createdAt = made;
    prev.reportIds.push(r.reportId);
  }
  const perDomain = new Map<string, number>();
  for (const p of people.values()) perDomain.set(p.domain, (perDomain.get(p.domain) ?? 0) + p.weight);
  let score = 0;
  for (const sum of perDomain.values()) score += Math.min(WEIGHTS.perInstanceCap, sum);
  const named = [...people.values()].filter((p) => p.reporter !== null);
  const contributions = [...people.values()].map(({ reporter, domain, weight, reportIds }) => ({ reporter, domain, weight: round(weight), reportIds }));
  return {
    score: round(score),
    brigade: detectBrigade(reports, named, at),
    reporters: named.length,
    instances: perDomain.size,
    contributions,
  };
}

