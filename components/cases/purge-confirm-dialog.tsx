'use client';

/**
 * The last look before a purge: what cannot be undone, what reaches beyond this item (and for that, a typed
 * "purge" so a stray Enter never deletes a whole account or domain), and which steps will wait for an admin.
 * A native modal <dialog> (focus trap, Esc closes).
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { confirmSummary, REACH_TEXT, TYPED_CONFIRMATION, type ChosenRow } from './purge-text';

export function PurgeConfirmDialog({ open, rows, sealsFirst, isAdmin, busy, onClose, onConfirm }: {
  open: boolean;
  rows: ChosenRow[];
  sealsFirst: boolean;
  isAdmin: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) { setTyped(''); d.showModal(); }
    if (!open && d.open) d.close();
  }, [open]);
  const s = confirmSummary(rows);
  const ready = !s.needsTyped || typed.trim().toLowerCase() === TYPED_CONFIRMATION;
  return (
    <dialog ref={ref} onClose={onClose} data-testid="purge-confirm-dialog" aria-labelledby="purge-confirm-title" className="m-auto w-full max-w-lg rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id="purge-confirm-title" className="mb-2 text-base font-semibold">Remove every copy on {rows.length === 1 ? '1 instance' : `${rows.length} instances`}?</h2>
      <div className="space-y-2 text-sm">
        {sealsFirst ? <p>Evidence is sealed first; nothing is removed until the seal is stored.</p> : null}
        <ul className="list-disc pl-5">
          {rows.map((r) => <li key={r.instanceName}><span className="font-medium">{r.instanceName}</span>: {r.option.label}</li>)}
        </ul>
        {s.irreversible.length > 0 ? (
          <p className="text-warn"><span aria-hidden="true">! </span><strong>Cannot be undone</strong> on {s.irreversible.map((r) => r.instanceName).join(', ')}.</p>
        ) : <p>Every chosen step can be undone on its server.</p>}
        {s.wide.length > 0 ? (
          <div className="rounded border border-danger/40 bg-danger-soft px-2 py-1.5 text-danger">
            <p className="font-medium"><span aria-hidden="true">⚠ </span>Reaches beyond this item:</p>
            <ul className="list-disc pl-5">{s.wide.map((r) => <li key={r.instanceName}>{r.instanceName}: {REACH_TEXT[r.option.reach]}</li>)}</ul>
          </div>
        ) : null}
        {s.keepsFile.length > 0 ? <p className="text-warn">Files stay served on {s.keepsFile.map((r) => r.instanceName).join(', ')}: the receipts will say so.</p> : null}
        {s.adminSteps > 0 ? (
          <p>{isAdmin ? `${s.adminSteps} admin step${s.adminSteps === 1 ? '' : 's'} will run at once (you are an admin).` : `${s.adminSteps === 1 ? '1 step needs' : `${s.adminSteps} steps need`} an admin; ${s.adminSteps === 1 ? 'it waits' : 'they wait'} until an admin approves.`}</p>
        ) : null}
        {s.needsTyped ? (
          <Field label={`Type "${TYPED_CONFIRMATION}" to confirm`}>
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} name="purge-typed" autoComplete="off" spellCheck={false} autoFocus data-testid="purge-typed" />
          </Field>
        ) : null}
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose} autoFocus={!s.needsTyped}>Cancel</Button>
        <Button type="button" variant="danger" data-testid="purge-confirm" disabled={busy || !ready} onClick={onConfirm}>{busy ? 'Starting…' : sealsFirst ? 'Seal evidence and remove' : 'Remove'}</Button>
      </div>
    </dialog>
  );
}
