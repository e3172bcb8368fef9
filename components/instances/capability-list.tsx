import type { Capabilities } from '@/lib/connectors/types';

const LABELS: Record<string, string> = {
  'report.assign_to_self': 'Assign report to me', 'report.unassign': 'Unassign report', 'report.resolve': 'Resolve report',
  'report.reopen': 'Reopen report', 'report.set_category': 'Change report category', 'account.action': 'Warn, sensitive, disable, limit, suspend',
  'account.undo': 'Undo account actions', 'domain.block': 'Domain block', 'status.delete': 'Delete a post', 'media.purge': 'Purge cached media',
};

/** What the dashboard can do on this server, and what its API cannot. */
export function CapabilityList({ caps }: { caps: Capabilities }) {
  const all = [...new Set([...caps.actions, ...(Object.keys(caps.notes) as (keyof typeof LABELS)[])])];
  return (
    <ul className="space-y-1 text-sm" data-testid="capabilities">
      {all.map((k) => {
        const ok = caps.actions.includes(k as never);
        return (
          <li key={k}>
            <span aria-hidden className={ok ? 'text-ok' : 'text-muted'}>{ok ? '✓ ' : '— '}</span>
            <span className={ok ? '' : 'text-muted'}>{LABELS[k] ?? k}</span>
            {!ok ? <span className="sr-only"> (not supported)</span> : null}
            {caps.notes[k as keyof typeof caps.notes] ? <span className="block pl-4 text-xs text-muted">{caps.notes[k as keyof typeof caps.notes]}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
