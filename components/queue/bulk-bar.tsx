'use client';

/**
 * What to do with the selected reports. Sticks to the top of the list while scrolling so it stays in reach; each
 * choice becomes one action per report (the bulk route), and a resolve gets the same undo window as `r`.
 */
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';

export function BulkBar({ count, busy, onResolve, onAssign, onTag, onClear }: {
  count: number;
  busy: boolean;
  onResolve: () => void;
  onAssign: () => void;
  onTag: (tag: string) => Promise<boolean>;
  onClear: () => void;
}) {
  const [tagging, setTagging] = useState(false);
  const [tag, setTag] = useState('');
  const inputId = useId();
  if (count === 0) return null;
  return (
    <div role="region" aria-label="Bulk actions" data-testid="bulk-bar" className="sticky top-0 z-10 mb-2 flex flex-wrap items-center gap-2 rounded-md border border-line bg-selected px-3 py-2 text-sm">
      <span className="font-medium" aria-live="polite">{count} selected:</span>
      <Button type="button" variant="primary" onClick={onResolve} disabled={busy}>Resolve</Button>
      <Button type="button" onClick={onAssign} disabled={busy}>Assign to me</Button>
      <Button type="button" onClick={() => setTagging((t) => !t)} aria-expanded={tagging} aria-controls={`${inputId}-form`}>Tag…</Button>
      <Button type="button" variant="ghost" onClick={onClear}>Clear <span className="sr-only">selection</span></Button>
      {tagging ? (
        <form
          id={`${inputId}-form`}
          className="flex w-full flex-wrap items-center gap-2 sm:w-auto"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!tag.trim()) return;
            if (await onTag(tag)) { setTag(''); setTagging(false); }
          }}
        >
          <label htmlFor={inputId} className="text-xs text-muted">Tag for the selected reports</label>
          <input
            id={inputId}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            maxLength={32}
            autoFocus
            className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2 py-1 text-sm sm:w-40 sm:flex-none"
          />
          <Button type="submit" disabled={busy || !tag.trim()}>Add tag</Button>
        </form>
      ) : null}
    </div>
  );
}
