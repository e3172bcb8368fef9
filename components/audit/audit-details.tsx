'use client';

import type { AuditItem } from '@/lib/audit/audit-item';

const PREVIEW_CHARS = 60;

/**
 * Details come partly from remote servers, so they are shown only as text (React escapes it), never as HTML.
 * A native <details> gives keyboard and screen-reader expand/collapse for free.
 */
export function AuditDetails({ item }: { item: AuditItem }) {
  const compact = JSON.stringify(item.details ?? {});
  const empty = compact === '{}' || compact === 'null';
  const preview = empty ? 'no details' : compact.length > PREVIEW_CHARS ? `${compact.slice(0, PREVIEW_CHARS)}…` : compact;
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer truncate rounded font-mono text-xs text-muted hover:text-ink">
        <span className="sr-only">Details of event {item.seq}: </span>
        {preview}
      </summary>
      <div className="mt-1.5 space-y-1.5">
        {empty ? null : (
          <pre tabIndex={0} className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-canvas p-2 font-mono text-xs">{JSON.stringify(item.details, null, 2)}</pre>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
          <dt className="text-muted">Event</dt><dd className="font-mono">#{item.seq}</dd>
          <dt className="text-muted">IP</dt><dd className="font-mono">{item.ip ?? '—'}</dd>
          <dt className="text-muted">Hash</dt><dd className="break-all font-mono">{item.hash}</dd>
        </dl>
      </div>
    </details>
  );
}
