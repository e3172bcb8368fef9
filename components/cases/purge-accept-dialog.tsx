'use client';

/**
 * "Accept as is…": for a copy a purge could not remove or could not verify, the moderator records why it may stay
 * (an audited receipt; the case can then be marked purged). The reason is required: an empty "OK" proves nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

export const MIN_REASON = 3;

export function PurgeAcceptDialog({ open, copyText, busy, error, onClose, onAccept }: {
  open: boolean;
  copyText: string;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onAccept: (reason: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) { setReason(''); d.showModal(); }
    if (!open && d.open) d.close();
  }, [open]);
  const ok = reason.trim().length >= MIN_REASON;
  return (
    <dialog ref={ref} onClose={onClose} data-testid="copy-accept-dialog" aria-labelledby="copy-accept-title" className="m-auto w-full max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id="copy-accept-title" className="mb-2 text-base font-semibold">Accept this copy as is</h2>
      <p className="mb-3 break-words text-sm text-muted">{copyText}</p>
      <p className="mb-3 text-sm">The copy stays where it is. Your reason is kept with the receipts and in the audit log.</p>
      <Field label="Reason (required)">
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} required name="accept-reason" data-testid="copy-accept-reason" autoFocus />
      </Field>
      {error ? <p role="alert" className="mt-2 text-sm text-danger">{error}</p> : null}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="button" variant="primary" data-testid="copy-accept-submit" disabled={busy || !ok} onClick={() => onAccept(reason.trim())}>{busy ? 'Saving…' : 'Accept as is'}</Button>
      </div>
    </dialog>
  );
}
