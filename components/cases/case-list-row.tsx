'use client';

import type { CaseListItem } from '@/lib/cases/types';
import { Badge } from '@/components/ui/badge';
import { formatAge } from '@/components/queue/format';
import { CASE_STATE_TONE, plural, severityText } from './case-text';
import { CaseThumb } from './case-thumb';
import { purgeColumnText } from './purge-text';

export const caseRowDomId = (id: string) => `case-row-${id}`;

/**
 * One case per line, an option of the list (like queue rows: no nested links; j/k move, Enter or a tap opens).
 * The title may hold remote text (a report comment); it is rendered escaped.
 */
export function CaseListRow({ item, selected, gray, onSelect, onOpen }: { item: CaseListItem; selected: boolean; gray: boolean; onSelect: () => void; onOpen: () => void }) {
  const href = `/cases/${item.id}`;
  return (
    <li
      id={caseRowDomId(item.id)}
      role="option"
      aria-selected={selected}
      data-testid="case-row"
      data-href={href}
      onClick={(e) => (e.ctrlKey || e.metaKey ? window.open(href, '_blank', 'noopener') : 'pointerType' in e.nativeEvent && e.nativeEvent.pointerType === 'touch' ? onOpen() : onSelect())}
      onDoubleClick={onOpen}
      className={`grid cursor-pointer grid-cols-[3rem_minmax(0,1fr)] items-center gap-3 border-b border-line px-3 py-2 text-sm last:border-0 sm:grid-cols-[3rem_minmax(0,1fr)_11rem_9rem_9rem_3rem] ${selected ? 'bg-selected outline outline-2 -outline-offset-2 outline-accent' : 'hover:bg-hover'}`}
    >
      <CaseThumb mediaId={item.primaryMediaId} gray={gray} size="sm" />
      <span className="min-w-0">
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-semibold">Case {item.number}</span>
          <Badge tone={CASE_STATE_TONE[item.state]}>{item.state}</Badge>
          {item.label ? <Badge tone={item.label === 'csam' || item.severity >= 4 ? 'danger' : 'warn'}>{item.label}</Badge> : null}
          <span className="text-xs text-muted">{severityText(item.severity)}</span>
        </span>
        <span className="block truncate text-muted" dir="auto" title={item.title}>{item.title}</span>
      </span>
      <span className="col-start-2 text-xs sm:col-start-auto">
        <span className="block font-medium text-ink">{plural(item.copyCount, 'copy', 'copies')} on {plural(item.instanceCount, 'instance')}</span>
        <span className="block text-muted">{plural(item.reportCount, 'report')}</span>
      </span>
      <span className="col-start-2 text-xs sm:col-start-auto" data-testid="case-purge">
        <span className="text-muted">Purge: </span>
        <span className={`font-medium ${item.stillServedCount > 0 ? 'text-danger' : 'text-ink'}`}>{purgeColumnText(item)}</span>
        {item.sealedAt ? (
          <span className="block text-muted" data-testid="case-sealed" title={`Evidence sealed ${new Date(item.sealedAt).toLocaleString()}`} suppressHydrationWarning>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline h-3 w-3 align-[-1px]" fill="currentColor"><path d="M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z" /></svg>evidence sealed
          </span>
        ) : null}
      </span>
      <span className="col-start-2 truncate text-xs text-muted sm:col-start-auto">{item.assignee ? `assigned to ${item.assignee.label}` : 'unassigned'}</span>
      <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()} className="col-start-2 text-xs text-muted tabular-nums sm:col-start-auto sm:text-right" suppressHydrationWarning>
        {formatAge(item.createdAt)}
      </time>
    </li>
  );
}
