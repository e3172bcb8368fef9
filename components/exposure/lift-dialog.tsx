'use client';

/**
 * "Lift limit" for one colleague: a reason and how long (1-24 hours, default 8), posted to /api/exposure/lifts.
 * A native modal <dialog> (focus trap and Esc for free). The route's own words are shown on refusal.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';

export const liftInput = z.object({
  reason: z.string().trim().min(1, 'Say why the limit is lifted.').max(500, 'Keep the reason under 500 characters.'),
  hours: z.coerce.number().int('Whole hours, please.').min(1, 'At least 1 hour.').max(24, 'At most 24 hours.'),
});

export function LiftDialog({ target, onClose, onLifted }: { target: { userId: string; label: string } | null; onClose: () => void; onLifted: (label: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (target && !d.open) { setError(null); d.showModal(); }
    if (!target && d.open) d.close();
  }, [target]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!target) return;
    const form = new FormData(e.currentTarget);
    const parsed = liftInput.safeParse({ reason: form.get('reason'), hours: form.get('hours') });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form.');
    setPending(true);
    const res = await sendJson('/api/exposure/lifts', 'POST', { userId: target.userId, ...parsed.data }, z.unknown());
    setPending(false);
    if (!res.ok) return setError(res.message);
    onLifted(target.label);
  }

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="lift-title" className="m-auto w-full max-w-md rounded-lg border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-black/30">
      <h2 id="lift-title" className="mb-2 text-base font-semibold">Lift the limit for {target?.label}</h2>
      <p className="mb-3 text-sm text-muted">Severe reports reach them again until the lift ends. The lift and its reason are recorded in the audit log. Check in with them first.</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Field label="Reason" hint="Up to 500 characters. They will see it.">
          <Textarea name="reason" required maxLength={500} rows={3} />
        </Field>
        <Field label="For how many hours" hint="1 to 24.">
          <Input name="hours" type="number" min={1} max={24} step={1} defaultValue={8} required />
        </Field>
        <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Lifting…' : 'Lift limit'}</Button>
        </div>
      </form>
    </dialog>
  );
}
