'use client';

import { Badge } from '@/components/ui/badge';
import Link from 'next/link';
import type { AuditListItem } from '@/lib/audit/audit-item';
import { AuditDetails } from './audit-details';
import { AuditRefView } from './audit-ref';

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">{new Date(iso).toLocaleString()}</time>;
}

/** Removed instances keep their events; their id stands in for the missing name. */
function InstanceCell({ item }: { item: AuditListItem }) {
  if (!item.instanceId) return <span className="text-muted">—</span>;
  return item.instanceName
    ? <Link href={`/instances/${item.instanceId}`} className="underline decoration-line underline-offset-2 hover:decoration-ink">{item.instanceName}</Link>
    : <span className="font-mono text-xs text-muted" title="Instance no longer connected">{item.instanceId.slice(0, 8)}</span>;
}

/** Names with links rather than types and uuids; the stored ids stay in the raw JSON and the export. */
export function AuditTable({ items }: { items: AuditListItem[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Audit events, newest first</caption>
      <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
        <tr>
          <th scope="col" className="px-3 py-2">Time</th>
          <th scope="col" className="px-3 py-2">Actor</th>
          <th scope="col" className="px-3 py-2">Action</th>
          <th scope="col" className="px-3 py-2">Target</th>
          <th scope="col" className="px-3 py-2">Instance</th>
          <th scope="col" className="px-3 py-2">Details</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.seq} className="border-b border-line align-top last:border-0" data-testid="audit-row" data-action={i.action}>
            <td className="px-3 py-2"><Time iso={i.at} /></td>
            <td className="min-w-[9rem] max-w-[14rem] px-3 py-2">
              <AuditRefView value={i.actor} />
              {i.actorType !== 'user' ? <Badge>{i.actorType}</Badge> : null}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{i.action}</td>
            <td className="min-w-[9rem] max-w-[14rem] px-3 py-2"><AuditRefView value={i.target} /></td>
            <td className="px-3 py-2"><InstanceCell item={i} /></td>
            <td className="px-3 py-2"><AuditDetails item={i} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
