import Link from 'next/link';
import type { CaseBadge } from '@/lib/cases/types';

/** "Case 12 · csam": how a report, a queue row or a media item says it belongs to a case. */
type BadgeLike = { number: number; label?: string | null; severity?: number };

export function caseBadgeText(c: BadgeLike): string {
  return `Case ${c.number}${c.label ? ` · ${c.label}` : ''}`;
}

/** "3 reports on 3 instances" (or null when the case holds only this report). */
export function groupText(c: Pick<CaseBadge, 'reports' | 'instances'>): string | null {
  if (c.reports <= 1) return null;
  return `${c.reports} reports on ${c.instances} ${c.instances === 1 ? 'instance' : 'instances'}`;
}

const severe = (c: BadgeLike) => (c.severity ?? 0) >= 4 || c.label === 'csam';

function classes(c: BadgeLike): string {
  return `inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${severe(c) ? 'bg-danger-soft text-danger' : 'bg-selected text-accent'}`;
}

/** Plain badge (inside a queue option, where a link may not be nested). */
export function CaseBadgeChip({ badge }: { badge: BadgeLike }) {
  return <span className={classes(badge)} data-testid="case-badge"><span aria-hidden>▣</span>{caseBadgeText(badge)}</span>;
}

/** The badge as a link to the case (report header, media items). */
export function CaseBadgeLink({ badge }: { badge: BadgeLike & { id: string } }) {
  return (
    <Link href={`/cases/${badge.id}`} className={`${classes(badge)} underline-offset-2 hover:underline`} data-testid="case-badge">
      <span aria-hidden>▣</span>{caseBadgeText(badge)}
    </Link>
  );
}
