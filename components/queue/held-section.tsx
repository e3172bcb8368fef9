'use client';

/**
 * Items a rule held, pinned above the queue until a human confirms or undoes the hold. Each row is the normal
 * queue row (an option of its own one-item listbox, so the Confirm and Undo buttons sit beside it and never
 * inside an option: axe nested-interactive); j/k walk these rows before the list (page-client owns the order).
 */
import { useState } from 'react';
import type { QueueRow } from '@/lib/queue/types';
import { Button } from '@/components/ui/button';
import { decideHold, type HoldDecision } from '@/components/safety/hold-api';
import { HoldBadge } from './hold-badge';
import { QueueRowItem, rowDomId, type RowHandlers } from './queue-row';

export function HeldSection({ rows, selectedId, canAct, gray, grouped, handlersFor, onDecided }: {
  rows: QueueRow[];
  selectedId: string | null;
  canAct: boolean;
  gray: boolean;
  grouped: boolean;
  handlersFor: (row: QueueRow) => RowHandlers;
  /** After a decision the queue refetches: the item leaves this section. */
  onDecided: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'danger' } | null>(null);
  if (rows.length === 0 && !status) return null;

  async function decide(row: QueueRow, decision: HoldDecision) {
    if (!row.hold) return;
    setBusy(row.hold.id);
    const res = await decideHold(row.hold.id, decision);
    setBusy(null);
    setStatus({ text: res.ok ? `${row.target.acct}: ${res.text}` : res.text, tone: res.ok ? 'ok' : 'danger' });
    if (res.ok) onDecided();
  }

  return (
    <section aria-labelledby="held-heading" data-testid="held-section" className="mb-3 rounded-lg border border-danger/40 bg-surface">
      <h2 id="held-heading" className="border-b border-line px-3 py-2 text-sm font-semibold">
        Held for review <span className="font-normal text-muted">({rows.length})</span>
      </h2>
      <p aria-live="polite" role="status" className={`px-3 text-sm ${status ? 'py-1.5' : ''} ${status?.tone === 'danger' ? 'text-danger' : 'text-ok'}`}>{status?.text ?? ''}</p>
      <ul className="divide-y divide-line">
        {rows.map((r) => (
          <li key={r.id} data-testid="held-item" data-report-id={r.id}>
            <ul role="listbox" aria-label={`Held: ${r.target.acct}`} aria-activedescendant={r.id === selectedId ? rowDomId(r.id) : undefined}>
              <QueueRowItem row={r} current={r.id === selectedId} picked={false} dimmed={false} grouped={grouped} gray={gray} selectable={false} handlers={handlersFor(r)} />
            </ul>
            {r.hold ? (
              <div className="flex flex-wrap items-center gap-2 px-3 pb-2 pl-12">
                <HoldBadge hold={r.hold} />
                {canAct && r.hold.decidable ? (
                  <span className="flex gap-2">
                    <Button type="button" variant="primary" data-testid="hold-confirm" disabled={busy === r.hold.id} onClick={() => void decide(r, 'confirm')}>Confirm hold</Button>
                    <Button type="button" data-testid="hold-undo" disabled={busy === r.hold.id} onClick={() => void decide(r, 'undo')}>Undo hold</Button>
                  </span>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
