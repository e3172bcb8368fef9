/** Brigade detection over one group of open reports (the rules are at the top of score-reports.ts). */
import type { BrigadeFlag } from './types';
import { BRIGADE, DAY, HOUR, toTime, WEIGHTS, type WeighedReport } from './weights';

/** Largest number of times within any window of `width` ms (two pointers over the sorted times). */
function densest(times: number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] > width) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export function detectBrigade(reports: WeighedReport[], named: Array<{ domain: string; createdAt: number | null }>, now: number): BrigadeFlag | null {
  if (reports.length < BRIGADE.minReports) return null;
  const reasons: string[] = [];
  const ages = named.flatMap((p) => (p.createdAt === null ? [] : [p.createdAt]));
  const together = densest(ages, BRIGADE.clusterHours * HOUR);
  const fresh = ages.filter((t) => now - t < WEIGHTS.freshDays * DAY).length;
  if (named.length >= BRIGADE.minReports && together >= 2 && together >= BRIGADE.clusterShare * named.length) {
    const freshText = fresh > 0 ? `; ${fresh} of them are less than ${WEIGHTS.freshDays} days old` : '';
    reasons.push(`${together} of ${named.length} reporters' accounts were made within ${BRIGADE.clusterHours / 24} days of each other${freshText}.`);
  }
  const byDomain = new Map<string, number[]>();
  for (const r of reports) {
    const domain = r.reporter ? r.reporter.domain : r.instanceDomain;
    const list = byDomain.get(domain) ?? [];
    list.push(toTime(r.createdAt) ?? now);
    byDomain.set(domain, list);
  }
  for (const [domain, times] of byDomain) {
    const burst = densest(times, BRIGADE.burstHours * HOUR);
    if (burst >= BRIGADE.burstShare * reports.length) {
      reasons.push(`${burst} of ${reports.length} reports came from one instance (${domain.slice(0, 120)}) within ${BRIGADE.burstHours} hours.`);
      break;
    }
  }
  if (reasons.length === 0) return null;
  return {
    reasons,
    reports: reports.length,
    reporters: named.length,
    instances: new Set(reports.map((r) => (r.reporter ? r.reporter.domain : r.instanceDomain))).size,
    freshShare: named.length ? Math.round((fresh / named.length) * 1000) / 1000 : 0,
    flaggedAt: new Date(now).toISOString(),
  };
}
