'use client';

/**
 * "Resolve case…": closes the case, and optionally resolves its linked open reports on their own servers (each one
 * a report.resolve through the outbox: exactly once, retried, audited). A native modal <dialog> (focus trap, Esc).
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

export function ResolveDialog({ open, openReports, canResolveReports, busy, onClose, onResolve }: {
  open: boolean;
  openReports: number;
  canResolveReports: boolean;
  busy: boolean;
  onClose: () => void;
  onResolve: (input: { resolveReports: boolean; comment?: string }) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const withComment = comment.trim() ? { comment: comment.trim() } : {};
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="resolve-case-title" className="m-auto w-full max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id="resolve-case-title" className="mb-2 text-base font-semibold">Resolve case</h2>
      <p className="mb-3 text-sm text-muted">
        The case is closed. {openReports > 0 ? `${openReports === 1 ? 'One linked report is' : `${openReports} linked reports are`} still open on their servers.` : 'No linked report is open.'}
      </p>
      <Field label="Comment (optional, kept in the audit log)">
        <Textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={5000} name="resolve-comment" />
      </Field>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="button" disabled={busy} onClick={() => onResolve({ resolveReports: false, ...withComment })}>Close without resolving reports</Button>
        {openReports > 0 && canResolveReports ? (
          <Button type="button" variant="primary" disabled={busy} onClick={() => onResolve({ resolveReports: true, ...withComment })} autoFocus>
            Also resolve the {openReports === 1 ? 'linked report' : `${openReports} linked reports`} on their servers
          </Button>
        ) : null}
      </div>
    </dialog>
  );
}
