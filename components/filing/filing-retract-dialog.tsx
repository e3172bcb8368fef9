'use client';

/**
 * Asks before retracting an unfinished CyberTipline report. Mounted only while needed; Esc and Cancel close it.
 * Cancel takes the first focus: a stray Enter must not retract a report.
 */
import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function FilingRetractDialog({ reportId, busy, error, onClose, onConfirm }: {
  reportId: string;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} onClose={onClose} data-testid="filing-retract-dialog" aria-labelledby="filing-retract-title" className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id="filing-retract-title" className="mb-2 text-base font-semibold">Retract CyberTipline report {reportId}?</h2>
      <div className="space-y-2 text-sm">
        <p>CyberTipline drops this unfinished report. It cannot be resumed: filing the case again makes a new report.</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose} autoFocus>Cancel</Button>
        <Button type="button" variant="danger" data-testid="filing-retract-confirm" disabled={busy} onClick={onConfirm}>{busy ? 'Retracting…' : 'Retract report'}</Button>
      </div>
    </dialog>
  );
}
