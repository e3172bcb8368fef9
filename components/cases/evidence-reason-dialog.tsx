'use client';

/**
 * Asks why before evidence is opened or exported: the reason goes into the audit event. A native modal <dialog>
 * (focus trap, Esc), mounted only while needed, so its test ids exist once on the page.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';
import { REASON_MAX, REASON_MIN } from './evidence-rules';

export function EvidenceReasonDialog({ title, explain, submitLabel, busyLabel, ids, busy, error, onSubmit, onClose }: {
  title: string;
  explain: string;
  submitLabel: string;
  busyLabel: string;
  /** data-testid of the textarea and of the submit button. */
  ids: { reason: string; submit: string };
  busy: boolean;
  error: string | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const d = ref.current;
    // No close on cleanup: unmounting removes it from the top layer, and a close event then would reach the parent late.
    if (d && !d.open) d.showModal();
  }, []);
  const short = reason.trim().length < REASON_MIN;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!short && !busy) onSubmit(reason.trim());
  }
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={`${ids.reason}-title`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <form onSubmit={submit} className="space-y-3">
        <h2 id={`${ids.reason}-title`} className="text-base font-semibold">{title}</h2>
        <p className="text-sm text-muted">{explain}</p>
        <label className="block space-y-1">
          <span className="text-sm font-medium">Reason (required, kept in the audit log)</span>
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} minLength={REASON_MIN} maxLength={REASON_MAX} required name="reason" data-testid={ids.reason} autoFocus />
        </label>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || short} data-testid={ids.submit}>{busy ? busyLabel : submitLabel}</Button>
        </div>
      </form>
    </dialog>
  );
}
