'use client';

/** "Seal evidence now", by hand, with the moderator's reason (a purge seals by itself before its first removal). */
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { REASON_MAX, REASON_MIN } from './evidence-rules';

export function EvidenceSealForm({ busy, onSeal }: { busy: boolean; onSeal: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  const short = reason.trim().length < REASON_MIN;
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!short && (await onSeal(reason.trim()))) setReason('');
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-1.5 border-t border-line pt-3" aria-label="Seal evidence now">
      <label className="block space-y-1">
        <span className="text-sm font-medium">Reason for sealing now</span>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} minLength={REASON_MIN} maxLength={REASON_MAX} required name="sealReason" placeholder="e.g. requested by the legal team" />
      </label>
      <Button type="submit" disabled={busy || short} data-testid="evidence-seal">{busy ? 'Sealing…' : 'Seal evidence now'}</Button>
    </form>
  );
}
