'use client';

import type { QueueRow as Row } from '@/lib/queue/types';
import { Badge } from '@/components/ui/badge';
import { CaseBadgeChip, groupText } from '@/components/cases/case-badge';
import { CaseThumb } from '@/components/cases/case-thumb';
import { categoryTone, formatAge } from './format';
import { MatchBadge } from './match-badge';
import { BrigadeBadge, WatchBadge } from './row-flags';

export const rowDomId = (id: string) => `queue-row-${id}`;

export type RowNote = { text: string; tone: 'info' | 'ok' | 'danger' | 'neutral' };

/**
 * Where a row leads: its report, or the case when the row stands for several reports of one case (grouped: the
 * item is reviewed once, on the case page, which lists every linked report).
 */
export function rowHref(row: Row, grouped: boolean): string {
  return grouped && row.case && row.case.reports > 1 ? `/cases/${row.case.id}` : `/reports/${row.id}`;
}

export interface RowHandlers {
  /** Plain click: make it the current row. */
  onSelect: () => void;
  /** Double click, Enter, a tap on a phone. */
  onOpen: () => void;
  /** Click on the check glyph (or x): in or out of the bulk selection. */
  onToggle: () => void;
  /** Shift-click: everything from the anchor to this row joins the selection. */
  onRange: () => void;
}

/**
 * One dense line per report (stacked on a phone: account, comment and instance stay visible). Every string is
 * remote text and is rendered escaped (plain JSX text). The row is an option of a multi-select listbox: `picked`
 * is its aria-selected (bulk selection), `current` the list's active descendant. Nothing inside is a control
 * (axe nested-interactive): the check glyph is a hidden span whose clicks the option itself interprets.
 */
export function QueueRowItem({ row, current, picked, dimmed, note, grouped = false, gray = true, selectable = true, handlers }: {
  row: Row; current: boolean; picked: boolean; dimmed: boolean; note?: RowNote; grouped?: boolean; gray?: boolean;
  /** Viewers cannot act, so they get no bulk selection (and no check glyph). */
  selectable?: boolean; handlers: RowHandlers;
}) {
  const href = rowHref(row, grouped);
  const group = grouped && row.case ? groupText(row.case) : null;
  return (
    <li
      id={rowDomId(row.id)}
      role="option"
      aria-selected={picked}
      data-current={current || undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey) return openInNewTab(href);
        if (e.shiftKey) { window.getSelection()?.removeAllRanges(); return handlers.onRange(); }
        if (e.target instanceof Element && e.target.closest('[data-check]')) return handlers.onToggle();
        return tapped(e.nativeEvent) ? handlers.onOpen() : handlers.onSelect();
      }}
      onAuxClick={(e) => (e.button === 1 ? openInNewTab(href) : undefined)}
      onDoubleClick={(e) => (e.shiftKey || (e.target instanceof Element && e.target.closest('[data-check]')) ? undefined : handlers.onOpen())}
      data-href={href}
      className={`grid cursor-pointer grid-cols-[1.5rem_3rem_minmax(0,1fr)] items-start gap-x-3 gap-y-1 border-b border-line px-3 py-2 text-sm last:border-0 md:grid-cols-[1.5rem_3rem_6.5rem_5.5rem_minmax(0,13rem)_minmax(0,1fr)_3rem_2.5rem] md:items-center ${current ? 'bg-selected outline outline-2 -outline-offset-2 outline-accent' : picked ? 'bg-info-soft' : 'hover:bg-subtle'} ${dimmed ? 'opacity-50' : ''}`}
    >
      {selectable ? (
        <span
          aria-hidden="true"
          data-check=""
          title={picked ? 'Selected (x or click to unselect)' : 'Select (x or click)'}
          className="-m-1 flex h-7 w-7 items-center justify-center self-center"
        >
          <span className={`flex h-4 w-4 items-center justify-center rounded border text-[0.7rem] leading-none ${picked ? 'border-accent bg-accent text-on-accent' : 'border-line bg-surface'}`}>{picked ? '✓' : ''}</span>
        </span>
      ) : <span aria-hidden="true" />}
      <span className="self-center"><CaseThumb mediaId={row.thumbMediaId} gray={gray} size="sm" /></span>
      <span className="flex min-w-0 flex-col gap-1 md:contents">
        <span className="flex min-w-0 flex-wrap items-center gap-1.5 md:contents">
          <span className="min-w-0 truncate"><Badge>{row.instance.name}</Badge></span>
          <span><Badge tone={categoryTone(row.category)}>{row.category}</Badge></span>
        </span>
        <span className="min-w-0">
          {/* No link here: an option may not contain a control (axe nested-interactive), and the list owns keyboard
              focus (j/k/Enter). A tap opens the report; Ctrl/Cmd-click and middle-click open it in a new tab. */}
          <span className="block truncate font-medium" title={row.target.acct}>{row.target.acct}</span>
          <span className="block truncate text-xs text-muted">by {row.reporterAcct ?? 'unknown reporter'}{row.assigneeAcct ? ` · assigned to ${row.assigneeAcct}` : ''}</span>
          {row.claim ? (
            <span data-testid="row-claim" data-mine={row.claim.mine} className={`mt-0.5 inline-block rounded px-1.5 text-xs font-medium ${row.claim.mine ? 'bg-subtle text-ink' : 'bg-warn-soft text-warn'}`}>
              {row.claim.mine ? 'You are on it' : `${row.claim.label} is on it`}
            </span>
          ) : null}
        </span>
        <span className="min-w-0">
          <span className="flex flex-wrap items-center gap-1.5">
            {row.case ? <CaseBadgeChip badge={row.case} /> : null}
            {group ? <span className="text-xs font-medium text-ink" data-testid="case-group">{group}</span> : null}
            {row.match ? <MatchBadge match={row.match} /> : null}
            {row.kind === 'watch' ? <WatchBadge refs={row.watch} /> : null}
            {row.brigade ? <BrigadeBadge brigade={row.brigade} /> : null}
            {row.escalation ? (
              <span data-testid="row-escalated" title={`Escalated by ${row.escalation.raisedBy}: ${row.escalation.reason}`}>
                <Badge tone="danger">Escalated<span className="sr-only"> by {row.escalation.raisedBy}: {row.escalation.reason}</span></Badge>
              </span>
            ) : null}
            {row.tags.map((t) => (
              <span key={t} data-testid="row-tag" className="rounded bg-subtle px-1.5 text-xs text-muted"><span className="sr-only">tag </span>{t}</span>
            ))}
          </span>
          <span className="block truncate text-muted">{row.excerpt || <em>No comment</em>}</span>
          {note ? <Badge tone={note.tone}>{note.text}</Badge> : null}
        </span>
        <span className="flex items-center gap-3 md:contents">
          <span className="text-xs text-muted tabular-nums" aria-label={`${row.mediaCount} media`} title={`${row.mediaCount} media`}>
            {row.mediaCount > 0 ? <><MediaIcon /> {row.mediaCount}</> : ''}
          </span>
          <time dateTime={row.remoteCreatedAt} title={new Date(row.remoteCreatedAt).toLocaleString()} className="text-xs text-muted tabular-nums md:text-right" suppressHydrationWarning>
            {formatAge(row.remoteCreatedAt)}
          </time>
        </span>
      </span>
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
