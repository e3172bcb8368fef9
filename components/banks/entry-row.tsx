'use client';

import { useState } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import type { Entry } from './bank-api';
import { provenanceText } from './provenance-text';

const toggled = z.object({ enabled: z.boolean() });
const SIGNAL_NAMES = { pdq: 'PDQ', md5: 'MD5', sha256: 'SHA-256' } as const;

export function EntryRow({ bankId, entry, canEdit, onChanged }: { bankId: string; entry: Entry; canEdit: boolean; onChanged: () => void }) {
  const [enabled, setEnabled] = useState(entry.enabled);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const provenance = provenanceText(entry.provenance);

  // Optimistic: the box follows the click at once and goes back if the server refuses.
  async function toggle(next: boolean) {
    setBusy(true);
    setError(null);
    setEnabled(next);
    const res = await sendJson(`/api/banks/${bankId}/entries/${entry.id}`, 'PATCH', { enabled: next }, toggled);
    setBusy(false);
    if (!res.ok) {
      setEnabled(!next);
      return setError(res.message);
    }
    onChanged();
  }

  return (
    <tr className={`border-b border-line last:border-0 ${enabled ? '' : 'text-muted'}`} data-testid="entry-row">
      <td className="px-3 py-1.5 font-mono text-xs" title={entry.value}>{entry.value.slice(0, 16)}…{entry.value.slice(-6)}</td>
      <td className="px-3 py-1.5">{SIGNAL_NAMES[entry.signalType]}</td>
      <td className="max-w-48 truncate px-3 py-1.5" title={entry.label ?? ''}>{entry.label ?? <span className="text-muted">—</span>}</td>
      <td className="max-w-72 truncate px-3 py-1.5 text-xs" title={provenance}>{provenance}</td>
      <td className="px-3 py-1.5">
        {canEdit ? (
          <label className="flex items-center gap-1.5 text-xs">
            <input type="checkbox" checked={enabled} disabled={busy} onChange={(e) => void toggle(e.target.checked)} aria-label={`Entry ${entry.value} enabled`} />
            {enabled ? 'on' : 'off'}
          </label>
        ) : enabled ? 'on' : 'off'}
        {error ? <div role="alert" className="text-xs text-danger">{error}</div> : null}
      </td>
    </tr>
  );
}
