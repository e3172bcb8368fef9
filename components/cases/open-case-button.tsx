'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { openCaseFor } from './case-api';

/**
 * "Open case" from a report or one media item. The server answers with the existing case when the item already
 * belongs to one, so a second click (or a colleague's) lands on the same case instead of a duplicate.
 */
export function OpenCaseButton({ target, context, size = 'md' }: { target: { reportId: string } | { mediaId: string }; context?: string; size?: 'sm' | 'md' }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      const { caseId } = await openCaseFor(target);
      router.push(`/cases/${caseId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not open a case.');
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" onClick={() => void open()} disabled={busy} className={size === 'sm' ? 'px-2 py-1 text-xs' : ''}>
        {busy ? 'Opening…' : 'Open case'}{context ? <span className="sr-only"> {context}</span> : null}
      </Button>
      {error ? <span role="alert" className="text-xs text-danger">{error}</span> : null}
    </span>
  );
}
