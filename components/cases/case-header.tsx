'use client';

import Link from 'next/link';
import type { CaseDetail } from '@/lib/cases/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatAge } from '@/components/queue/format';
import { CASE_STATE_TONE, plural, severityText } from './case-text';

/** Case number, title (escaped: it may quote a report), state, severity, label, who opened it and the assignee. */
export function CaseHeader({ c, myId, busy, onAssign }: { c: CaseDetail; myId: string | null; busy: boolean; onAssign: (assigneeId: 'me' | null) => void }) {
  const mine = myId !== null && c.assignee?.id === myId;
  return (
    <header className="mb-4 space-y-1.5">
      <p className="text-sm"><Link href="/cases" className="text-accent underline">← Cases</Link></p>
      <h1 className="text-xl font-semibold">
        Case {c.number}<span className="sr-only">:</span> <span className="font-normal" dir="auto">{c.title}</span>
      </h1>
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <Badge tone={CASE_STATE_TONE[c.state]}>{c.state}</Badge>
        {c.label ? <Badge tone={c.label === 'csam' || c.severity >= 4 ? 'danger' : 'warn'}>{c.label}</Badge> : null}
        <span>{severityText(c.severity)}</span>
        <span>· {plural(c.copyCount, 'copy', 'copies')} on {plural(c.instanceCount, 'instance')}</span>
        <span>· {plural(c.reportCount, 'report')}</span>
        <span>
          · opened by {c.openedByLabel} ({c.openedVia}){' '}
          <time dateTime={c.createdAt} title={c.createdAt} suppressHydrationWarning>{formatAge(c.createdAt)} ago</time>
        </span>
        {c.closedAt ? <span>· closed <time dateTime={c.closedAt} suppressHydrationWarning>{formatAge(c.closedAt)} ago</time></span> : null}
        <span data-testid="case-assignee">· {c.assignee ? `assigned to ${c.assignee.label}` : 'unassigned'}</span>
        {c.can.edit ? (
          mine ? (
            <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" disabled={busy} onClick={() => onAssign(null)}>Unassign me</Button>
          ) : (
            <Button type="button" className="px-2 py-0.5 text-xs" disabled={busy} onClick={() => onAssign('me')}>Assign to me</Button>
          )
        ) : null}
      </div>
    </header>
  );
}
