'use client';

/**
 * Asked before a resolve that cannot be taken back on the server (no report.reopen there), for one report or a
 * selection. A native modal <dialog>, like the help: focus is trapped and Esc cancels. Cancel has the focus, so a
 * stray Enter does not resolve.
 */
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

export function BulkConfirm({ open, total, cannotReopen, servers, onConfirm, onCancel }: {
  open: boolean;
  total: number;
  /** How many of the reports are on servers that cannot reopen. */
  cannotReopen: number;
  /** Those servers' kinds, for the sentence. */
  servers: string[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const kinds = servers.join(', ');
  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby="resolve-confirm-title"
      aria-describedby="resolve-confirm-text"
      data-testid="resolve-confirm"
      className="m-auto w-full max-w-sm rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/40"
    >
      <h2 id="resolve-confirm-title" className="mb-2 text-base font-semibold">Resolve for good?</h2>
      <p id="resolve-confirm-text" className="text-sm">
        {total === 1
          ? `This server (${kinds}) cannot reopen a report. Resolve?`
          : `${cannotReopen} of the ${total} reports are on servers that cannot reopen a report (${kinds}). Resolve all ${total}?`}
      </p>
      <p className="mt-1 text-xs text-muted">You can still undo for a few seconds, before it is sent.</p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" onClick={onCancel} autoFocus>Cancel</Button>
        <Button type="button" variant="primary" onClick={onConfirm}>Resolve</Button>
      </div>
    </dialog>
  );
}
