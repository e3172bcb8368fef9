'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { HoldView } from '@/lib/holding/types';
import { Button } from '@/components/ui/button';
import { decideHold, type HoldDecision } from './hold-api';
import { dueText, signalText, stepText } from './labels';

/** "Waiting for a decision": every hold a human must confirm or undo, oldest due first (the server's order). */
export function PendingHolds({ holds, canDecide, onDecided, now }: { holds: HoldView[]; canDecide: boolean; onDecided?: () => void; now?: number }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  async function decide(h: HoldView, d: HoldDecision) {
    setBusy(h.id);
    const res = await decideHold(h.id, d);
    setBusy(null);
    setStatus({ text: res.text, ok: res.ok });
    if (res.ok) onDecided?.();
  }
  return (
    <div className="space-y-2">
      <p role="status" aria-live="polite" className={`text-sm ${status?.ok === false ? 'text-danger' : 'text-ok'}`}>{status?.text ?? ''}</p>
      {holds.length === 0 ? <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">Nothing is waiting. Held items appear here and at the top of the queue.</p> : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
          {holds.map((h) => (
            <li key={h.id} data-testid="pending-hold-row" data-hold-id={h.id} className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm">
              <div className="min-w-0 space-y-0.5">
                <p className="flex flex-wrap items-center gap-x-2">
                  <Link href={`/reports/${h.reportId}`} className="font-medium text-accent underline">Open item</Link>
                  <span className="text-muted">on {h.instanceName}</span>
                  <span className="text-muted">· rule {h.ruleName}</span>
                </p>
                <p>{signalText(h.signal)}</p>
                <p className="text-muted">{stepText(h)}</p>
                <p className={h.overdue ? 'font-medium text-danger' : 'text-muted'} data-testid="pending-hold-due">{dueText(h, now)}</p>
              </div>
              {canDecide && h.decidable ? (
                <div className="flex gap-2">
                  <Button type="button" variant="primary" data-testid="hold-confirm" disabled={busy === h.id} onClick={() => void decide(h, 'confirm')}>Confirm hold</Button>
                  <Button type="button" data-testid="hold-undo" disabled={busy === h.id} onClick={() => void decide(h, 'undo')}>Undo hold</Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
