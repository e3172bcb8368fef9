'use client';

/**
 * A native modal <dialog> for the changes that reach servers: focus is trapped, Esc cancels, and Cancel holds the
 * focus so a stray Enter sends nothing.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export function ConfirmDialog({ open, title, confirmLabel, confirmTestId, busy, danger, onConfirm, onCancel, children }: {
  open: boolean;
  title: string;
  confirmLabel: string;
  confirmTestId: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="m-auto w-[calc(100%-1.5rem)] max-w-lg rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/40"
    >
      <h2 id={`${id}-title`} className="mb-2 text-base font-semibold">{title}</h2>
      <div id={`${id}-body`} className="space-y-2 text-sm">{children}</div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" onClick={onCancel} autoFocus>Cancel</Button>
        <Button type="button" variant={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm} data-testid={confirmTestId}>
          {busy ? 'Sending…' : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
