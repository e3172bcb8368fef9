import { actionLabel } from '@/lib/connectors/action-labels';
import type { ActionKind, Capabilities } from '@/lib/connectors/types';

/** What the dashboard can do on this server, and what its API cannot (labels shared with the matrix and the panel). */
export function CapabilityList({ caps }: { caps: Capabilities }) {
  const all = [...new Set([...caps.actions, ...(Object.keys(caps.notes) as ActionKind[])])];
  return (
    <ul className="space-y-1 text-sm" data-testid="capabilities">
      {all.map((k) => {
        const ok = caps.actions.includes(k as never);
        return (
          <li key={k}>
            <span aria-hidden className={ok ? 'text-ok' : 'text-muted'}>{ok ? '✓ ' : '— '}</span>
            <span className={ok ? '' : 'text-muted'}>{actionLabel(k)}</span>
            {!ok ? <span className="sr-only"> (not supported)</span> : null}
            {caps.notes[k as keyof typeof caps.notes] ? <span className="block pl-4 text-xs text-muted">{caps.notes[k as keyof typeof caps.notes]}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
