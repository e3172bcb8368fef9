import { Badge } from '@/components/ui/badge';
import { SEVERITY_WORDS } from '@/lib/banks/bank-fields';

export function KindBadge({ kind }: { kind: 'match' | 'allow' }) {
  return kind === 'match' ? <Badge tone="danger">match</Badge> : <Badge tone="ok">allow</Badge>;
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="info">enabled</Badge> : <Badge>disabled</Badge>;
}

/** "4 severe"; allow banks have no severity. */
export function SeverityText({ kind, severity }: { kind: 'match' | 'allow'; severity: number }) {
  if (kind === 'allow') return <span className="text-muted">—</span>;
  return <span className="tabular-nums">{severity} <span className="text-muted">{SEVERITY_WORDS[severity] ?? ''}</span></span>;
}
