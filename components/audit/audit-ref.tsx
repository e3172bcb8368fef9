import Link from 'next/link';
import type { AuditRef } from '@/lib/audit/audit-refs';

/** A name with its link (when the thing still exists and has a page) and a quieter second line. */
export function AuditRefView({ value }: { value: AuditRef | null }) {
  if (!value) return <span className="text-muted">—</span>;
  return (
    <span className="block break-words">
      {value.href ? <Link href={value.href} className="font-medium underline decoration-line underline-offset-2 hover:decoration-ink">{value.label}</Link> : <span>{value.label}</span>}
      {value.detail ? <span className="block text-xs text-muted">{value.detail}</span> : null}
    </span>
  );
}
