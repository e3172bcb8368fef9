'use client';

import type { QueueRow as Row } from '@/lib/queue/types';
import { Badge } from '@/components/ui/badge';
import { CaseBadgeChip, groupText } from '@/components/cases/case-badge';
import { categoryTone, formatAge } from './format';
import { MatchBadge } from './match-badge';

export const rowDomId = (id: string) => `queue-row-${id}`;

export type RowNote = { text: string; tone: 'info' | 'ok' | 'danger' | 'neutral' };

/**
 * Where a row leads: its report, or the case when the row stands for several reports of one case (grouped: the
 * item is reviewed once, on the case page, which lists every linked report).
 */
export function rowHref(row: Row, grouped: boolean): string {
  return grouped && row.case && row.case.reports > 1 ? `/cases/${row.case.id}` : `/reports/${row.id}`;
}

/** One dense line per report. Every string is remote text and is rendered escaped (plain JSX text). */
export function QueueRowItem({ row, selected, dimmed, note, grouped = false, onSelect, onOpen }: { row: Row; selected: boolean; dimmed: boolean; note?: RowNote; grouped?: boolean; onSelect: () => void; onOpen: () => void }) {
  const href = rowHref(row, grouped);
  const group = grouped && row.case ? groupText(row.case) : null;
  return (
    <li
      id={rowDomId(row.id)}
      role="option"
      aria-selected={selected}
      onClick={(e) => (e.ctrlKey || e.metaKey ? openInNewTab(href) : tapped(e.nativeEvent) ? onOpen() : onSelect())}
      onAuxClick={(e) => (e.button === 1 ? openInNewTab(href) : undefined)}
      onDoubleClick={onOpen}
      data-href={href}
      className={`grid cursor-pointer grid-cols-[7rem_5.5rem_minmax(0,14rem)_minmax(0,1fr)_3rem_2.5rem] items-center gap-3 border-b border-line px-3 py-2 text-sm last:border-0 ${selected ? 'bg-[#e2ebf4] outline outline-2 -outline-offset-2 outline-accent' : 'hover:bg-[#f2f3f4]'} ${dimmed ? 'opacity-50' : ''}`}
    >
      <span className="truncate"><Badge>{row.instance.name}</Badge></span>
      <span><Badge tone={categoryTone(row.category)}>{row.category}</Badge></span>
      <span className="min-w-0">
        {/* No link here: an option may not contain a control (axe nested-interactive), and the list owns keyboard
            focus (j/k/Enter). A tap opens the report; Ctrl/Cmd-click and middle-click open it in a new tab. */}
        <span className="block truncate font-medium" title={row.target.acct}>{row.target.acct}</span>
        <span className="block truncate text-xs text-muted">by {row.reporterAcct ?? 'unknown reporter'}{row.assigneeAcct ? ` · assigned to ${row.assigneeAcct}` : ''}</span>
      </span>
      <span className="min-w-0">
        {row.case ? (
          <span className="mr-1.5 inline-flex flex-wrap items-center gap-1.5">
            <CaseBadgeChip badge={row.case} />
            {group ? <span className="text-xs font-medium text-ink" data-testid="case-group">{group}</span> : null}
          </span>
        ) : null}
        {row.match ? <MatchBadge match={row.match} /> : null}
        <span className="block truncate text-muted">{row.excerpt || <em>No comment</em>}</span>
        {note ? <Badge tone={note.tone}>{note.text}</Badge> : null}
      </span>
      <span className="text-xs text-muted tabular-nums" aria-label={`${row.mediaCount} media`} title={`${row.mediaCount} media`}>
        {row.mediaCount > 0 ? <><MediaIcon /> {row.mediaCount}</> : ''}
      </span>
      <time dateTime={row.remoteCreatedAt} title={new Date(row.remoteCreatedAt).toLocaleString()} className="text-right text-xs text-muted tabular-nums" suppressHydrationWarning>
        {formatAge(row.remoteCreatedAt)}
      </time>
    </li>
  );
}

/** A touch tap opens at once (there is no keyboard or double-click on a phone); a mouse click selects. */
function tapped(e: Event): boolean {
  return 'pointerType' in e && e.pointerType === 'touch';
}

function openInNewTab(href: string): void {
  window.open(href, '_blank', 'noopener');
}

function MediaIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="inline h-3.5 w-3.5 align-[-2px]" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <circle cx="5.5" cy="6" r="1.25" />
      <path d="M2 12l4-4 3 3 2-2 3 3" />
    </svg>
  );
}
