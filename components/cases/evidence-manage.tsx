'use client';

/**
 * Admins: keep a seal longer (a later date only; the server refuses earlier ones) and place or lift a legal hold
 * (with a reason). Held evidence is never destroyed by the expiry job, whatever its date says.
 */
import { useState, type FormEvent } from 'react';
import type { EvidenceView } from '@/lib/evidence/types';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { REASON_MAX, REASON_MIN } from './evidence-rules';
import { dayAfter, endOfDayUtc } from './evidence-text';

export function EvidenceManage({ seal, busy, onExtend, onHold }: {
  seal: EvidenceView;
  busy: boolean;
  onExtend: (retainUntil: string) => Promise<boolean>;
  onHold: (hold: boolean, reason: string) => Promise<boolean>;
}) {
  const earliest = dayAfter(seal.retainUntil);
  const [day, setDay] = useState(earliest);
  const [reason, setReason] = useState('');
  const v = `v${seal.version}`;

  async function extend(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (day >= earliest) await onExtend(endOfDayUtc(day));
  }
  async function hold(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (reason.trim().length >= REASON_MIN && (await onHold(!seal.legalHold, reason.trim()))) setReason('');
  }

  return (
    <div className="space-y-3 border-t border-line pt-2">
      <form onSubmit={(e) => void extend(e)} className="flex flex-wrap items-end gap-2" aria-label={`Extend retention of seal ${v}`}>
        <label className="block min-w-0 flex-1 space-y-1">
          <span className="text-xs font-medium">Keep until</span>
          <Input type="date" value={day} min={earliest} onChange={(e) => setDay(e.target.value)} required name="retainUntil" />
        </label>
        <Button type="submit" className="text-xs" disabled={busy || day < earliest} data-testid="evidence-extend">Extend retention</Button>
      </form>
      <form onSubmit={(e) => void hold(e)} className="space-y-1" aria-label={`${seal.legalHold ? 'Lift' : 'Place'} legal hold on seal ${v}`}>
        <label className="block space-y-1">
          <span className="text-xs font-medium">{seal.legalHold ? 'Why lift the legal hold' : 'Why place a legal hold'} (kept in the audit log)</span>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} minLength={REASON_MIN} maxLength={REASON_MAX} required name="holdReason" />
        </label>
        <Button type="submit" className="text-xs" variant={seal.legalHold ? 'secondary' : 'primary'} disabled={busy || reason.trim().length < REASON_MIN} data-testid="evidence-hold">
          {seal.legalHold ? 'Lift legal hold' : 'Place legal hold'}
        </Button>
      </form>
    </div>
  );
}
