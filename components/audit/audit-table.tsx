'use client';

import { Badge } from '@/components/ui/badge';
import type { AuditItem } from '@/lib/audit/audit-item';
import { AuditDetails } from './audit-details';

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">{new Date(iso).toLocaleString()}</time>;
}

function Target({ item }: { item: AuditItem }) {
  if (!item.targetType && !item.targetId) return <span className="text-muted">—</span>;
  return (
    <span className="break-all">
      <span className="text-muted">{item.targetType ?? 'target'}</span>
      {item.targetId ? <span className="font-mono text-xs"> {item.targetId}</span> : null}
    </span>
  );
}

/** Removed instances keep their events; their id stands in for the missing name. */
function InstanceCell({ item }: { item: AuditItem }) {
  if (!item.instanceId) return <span className="text-muted">—</span>;
  return item.instanceName ? <span>{item.instanceName}</span> : <span className="font-mono text-xs text-muted" title="Instance no longer connected">{item.instanceId.slice(0, 8)}</span>;
}

export function AuditTable({ items }: { items: AuditItem[] }) {
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
            <td className="max-w-[14rem] break-all px-3 py-2">
              {i.actorLabel}
              {i.actorType !== 'user' ? <> <Badge>{i.actorType}</Badge></> : null}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{i.action}</td>
            <td className="max-w-[14rem] px-3 py-2"><Target item={i} /></td>
            <td className="px-3 py-2"><InstanceCell item={i} /></td>
            <td className="px-3 py-2"><AuditDetails item={i} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
