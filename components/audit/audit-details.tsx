'use client';

import type { AuditListItem } from '@/lib/audit/audit-item';
import { detailFields } from './detail-fields';

/**
 * The details as readable "Key: value" lines, with the raw JSON and the chain fields behind a native <details>
 * (keyboard and screen-reader expand/collapse for free). Details come partly from remote servers, so they are
 * shown only as text (React escapes it), never as HTML.
 */
export function AuditDetails({ item }: { item: AuditListItem }) {
  const fields = detailFields(item.details);
  return (
    <div className="min-w-[12rem] max-w-md space-y-1">
      {fields.length === 0 ? (
        <p className="text-xs text-muted">No details</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" data-testid="audit-detail-fields">
          {fields.map((f) => (
            <div key={f.key} className="contents">
              <dt className="text-muted">{f.label}</dt>
              <dd className="break-words">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <details>
        <summary className="cursor-pointer rounded text-xs text-muted hover:text-ink">
          Raw JSON<span className="sr-only"> of event {item.seq}</span>
        </summary>
        <div className="mt-1.5 space-y-1.5">
          <pre tabIndex={0} aria-label={`Raw details of event ${item.seq}`} className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-canvas p-2 font-mono text-xs">
            {JSON.stringify(item.details ?? null, null, 2)}
          </pre>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
            <dt className="text-muted">Event</dt><dd className="font-mono">#{item.seq}</dd>
            <dt className="text-muted">IP</dt><dd className="font-mono">{item.ip ?? '—'}</dd>
            <dt className="text-muted">Hash</dt><dd className="break-all font-mono">{item.hash}</dd>
          </dl>
        </div>
      </details>
    </div>
  );
}
