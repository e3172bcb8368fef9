/**
 * The report page's "why is this first": the priority number in words, from the same inputs computePriority uses
 * (lib/queue/priority.ts). Pure; the age nudge is left out on purpose (a few points, and it reads as noise).
 */
export interface PriorityFacts {
  priority: number;
  /** 0 = no hash match, else the bank's severity 1-5. */
  severity: number;
  distance: number | null;
  category: string;
  mediaCount: number;
  /** Reports against the same account, this one included. */
  reportCount: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function explainPriority(f: PriorityFacts): string {
  const parts: string[] = [];
  if (f.severity > 0) {
    const how = f.distance === null ? '' : f.distance === 0 ? ' (exact)' : ` at distance ${f.distance}`;
    parts.push(`severity-${f.severity} hash match${how}`);
  }
  if (f.reportCount > 1) parts.push(`${plural(f.reportCount, 'report')} against this account`);
  if (f.mediaCount > 0) parts.push(plural(f.mediaCount, 'media item'));
  parts.push(`category ${f.category.toLowerCase() || 'other'}`);
  return `Priority ${f.priority}: ${parts.join(', ')}`;
}
