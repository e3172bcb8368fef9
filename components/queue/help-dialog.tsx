'use client';

/**
 * Keyboard help. A native modal <dialog>: the browser traps focus inside it, makes the page behind it inert,
 * and closes it on Esc, which is sturdier than re-implementing a focus trap.
 */
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

export function HelpDialog({ open, onClose, canAct }: { open: boolean; onClose: () => void; canAct: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const keys: [string, string][] = [
    ['j', 'Next report'],
    ['k', 'Previous report'],
    ['Enter', 'Open the selected report'],
    ...(canAct ? ([
      ['r', 'Resolve the current report (Undo for 5 seconds)'],
      ['u', 'Undo the latest resolve, before it is sent'],
      ['a', 'Assign the current report to me'],
      ['x', 'Select the current report for bulk work'],
      ['Shift-click', 'Select every report from the last one clicked'],
      ['Esc', 'Clear the selection'],
    ] as [string, string][]) : []),
    ['?', 'Show or hide this help'],
    ['Esc', 'Close this help'],
  ];
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="queue-help-title"
      className="m-auto w-full max-w-sm rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30"
    >
      <h2 id="queue-help-title" className="mb-3 text-base font-semibold">Keyboard shortcuts</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {keys.map(([k, label]) => (
          <div key={`${k}-${label}`} className="contents">
            <dt><kbd className="rounded border border-line bg-canvas px-1.5 py-0.5 font-mono text-xs">{k}</kbd></dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
      {!canAct ? <p className="mt-3 text-xs text-muted">Your role can view reports but not act on them.</p> : null}
      <div className="mt-4 flex justify-end">
        <Button type="button" onClick={onClose} autoFocus>Close</Button>
      </div>
    </dialog>
  );
}
