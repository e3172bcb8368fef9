'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { NotifyHookView } from '@/lib/notify/types';
import { EVENT_LABEL } from './notify-hook-schema';

/** The hooks as cards (they stack at 390 px): where each goes, what it receives and how its last send went. */
export function NotifyHookList({ hooks, busyId, onEdit, onTest, onRemove }: {
  hooks: NotifyHookView[];
  busyId: string | null;
  onEdit: (h: NotifyHookView) => void;
  onTest: (h: NotifyHookView) => void;
  onRemove: (h: NotifyHookView) => void;
}) {
  if (hooks.length === 0) return <p className="text-sm text-muted" data-testid="notify-empty">No hooks yet: add one below.</p>;
  return (
    <ul className="space-y-2" data-testid="notify-hook-list">
      {hooks.map((h) => (
        <li key={h.id} className="rounded-md border border-line bg-surface p-3 text-sm" data-testid="notify-hook-row" data-hook-id={h.id}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{h.name}</span>
            <Badge tone="info">{h.kind === 'matrix' ? 'Matrix' : 'JSON'}</Badge>
            {h.enabled ? null : <Badge>Off</Badge>}
            {h.allowPrivate ? <Badge tone="warn">Local test receiver</Badge> : null}
          </div>
          <p className="mt-1 break-all text-muted">{h.url}{h.kind === 'matrix' && h.room ? <> · room {h.room}</> : null}</p>
          <p className="mt-1 text-muted">{h.events.map((e) => EVENT_LABEL[e]).join('; ')}</p>
          <p className="mt-1" data-testid="notify-hook-status">
            Last: {h.lastStatus ? <Badge tone={h.lastStatus.startsWith('HTTP 2') ? 'ok' : 'danger'}>{h.lastStatus}</Badge> : <span className="text-muted">never sent</span>}
            {h.lastSentAt ? <span className="text-muted"> · delivered {new Date(h.lastSentAt).toLocaleString()}</span> : null}
            {h.pending > 0 ? <span className="text-muted"> · {h.pending} waiting</span> : null}
          </p>
          {h.lastError ? <p className="mt-1 break-words text-danger">{h.lastError}</p> : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="button" onClick={() => onTest(h)} disabled={busyId === h.id} data-testid="notify-hook-test">Send test</Button>
            <Button type="button" onClick={() => onEdit(h)} data-testid="notify-hook-edit">Edit</Button>
            <Button type="button" variant="danger" onClick={() => onRemove(h)} data-testid="notify-hook-remove">Remove</Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
