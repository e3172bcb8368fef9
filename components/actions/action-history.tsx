'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { describeAction } from './labels';
import type { ActionRow } from './use-report-actions';

const TONE = { pending: 'info', running: 'info', done: 'ok', failed: 'danger', cancelled: 'neutral' } as const;
/** Words for the states whose enum name would mislead; 'cancelled' is an Undo inside the hold window. */
const STATUS_TEXT: Partial<Record<string, string>> = { running: 'in progress', cancelled: 'Undone, not sent' };

export function ActionHistory({ actions, canAct, onRetry, retrying, statusDeleteReversible }: {
  actions: ActionRow[];
  canAct: boolean;
  onRetry: (id: string) => void;
  retrying: boolean;
  /** Names a Lemmy removal "Remove post" here too, as its button does. */
  statusDeleteReversible?: boolean;
}) {
  if (actions.length === 0) return <p className="text-sm text-muted">No actions yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Action history">
      {actions.map((a) => (
        <li key={a.id} className="rounded-md border border-line p-2 text-sm" data-testid="action-row" data-status={a.status} data-kind={a.kind}>
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">{describeAction(a.kind, a.payload, { statusDeleteReversible })}</span>
            <Badge tone={TONE[a.status]}>{STATUS_TEXT[a.status] ?? a.status}</Badge>
          </div>
          <div className="mt-0.5 text-xs text-muted">
            {a.requestedBy ?? 'system'} · <time dateTime={a.createdAt}>{new Date(a.createdAt).toLocaleString()}</time>
            {a.attempts > 1 ? ` · ${a.attempts} attempts` : ''}
          </div>
          {a.lastError ? (
            <p className="mt-1 text-xs text-danger" role={a.status === 'failed' ? 'alert' : undefined}>
              {a.status === 'failed' ? 'Failed: ' : 'Last attempt failed, retrying: '}
              {a.lastError}
              {a.status === 'pending' && a.nextAttemptAt ? ` Next attempt at ${new Date(a.nextAttemptAt).toLocaleTimeString()}.` : ''}
            </p>
          ) : null}
          {a.status === 'failed' && canAct ? (
            <Button className="mt-1.5" onClick={() => onRetry(a.id)} disabled={retrying}>Retry</Button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
