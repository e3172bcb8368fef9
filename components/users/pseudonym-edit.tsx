'use client';
/**
 * The Users page's pseudonym cell (admins): shows a colleague's pseudonym and lets an admin change it, with the same
 * rules the server applies (unique, a lower-case handle). Owners' pseudonyms are for owners (the server says so).
 */
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { checkPseudonym } from '@/lib/team/pseudonym-rules';

const answer = z.object({ pseudonym: z.string() });

export function PseudonymEdit({ userId, email, pseudonym, editable }: { userId: string; email: string; pseudonym: string; editable: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(pseudonym);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const check = checkPseudonym(value);
    if (!check.ok) return setError(check.message);
    setPending(true);
    const res = await sendJson(`/api/users/${userId}/pseudonym`, 'PUT', { pseudonym: check.value }, answer);
    setPending(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    setOpen(false);
    router.refresh();
  }

  if (!open) {
    return (
      <div className="mt-1 flex items-center gap-2 text-xs text-muted" data-testid="user-pseudonym">
        <span>Pseudonym <span className="font-mono text-ink">{pseudonym}</span></span>
        {editable ? <button type="button" className="underline" onClick={() => setOpen(true)} aria-label={`Change the pseudonym of ${email}`}>Change</button> : null}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-1 flex flex-wrap items-center gap-2">
      <Input aria-label={`New pseudonym for ${email}`} value={value} onChange={(e) => setValue(e.target.value)} maxLength={32} spellCheck={false} autoComplete="off" className="w-44" autoFocus />
      <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
      <Button type="button" variant="ghost" onClick={() => { setOpen(false); setValue(pseudonym); setError(null); }}>Cancel</Button>
      {error ? <p role="alert" className="w-full text-xs text-danger">{error}</p> : null}
    </form>
  );
}
