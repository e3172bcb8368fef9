import type { BrigadeFlag } from '@/lib/holding/types';
import type { WatchTermRef } from '@/lib/watch/types';
import { termText, watchRefText } from '@/components/safety/labels';

/** A post a watch list caught (no report on the server): the terms that caught it. */
export function WatchBadge({ refs }: { refs: WatchTermRef[] | null }) {
  const list = refs ?? [];
  const words = list.length ? list.map(termText).join(', ') : 'watch list';
  return (
    <span data-testid="watch-badge" title={list.map(watchRefText).join('; ') || 'Caught by a watch list'} className="inline-flex items-center gap-1 rounded bg-info-soft px-1.5 py-0.5 text-xs font-medium text-accent">
      <span>Watch</span>
      <span className="max-w-[12rem] truncate">{words}</span>
    </span>
  );
}

/** Reports that look coordinated: flagged instead of counted. The first reason is the badge's name. */
export function BrigadeBadge({ brigade }: { brigade: BrigadeFlag }) {
  const reason = brigade.reasons[0] ?? `${brigade.reports} reports from ${brigade.instances} instance(s)`;
  return (
    <span data-testid="brigade-badge" title={`Likely brigade: ${reason}`} aria-label={`Likely brigade: ${reason}`} className="inline-flex items-center rounded bg-warn-soft px-1.5 py-0.5 text-xs font-medium text-warn">
      Likely brigade
    </span>
  );
}
