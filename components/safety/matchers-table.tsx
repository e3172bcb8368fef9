import type { MatcherView } from '@/lib/matchers/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { circuitText, when } from './labels';
import { instanceNames, type InstanceOption } from './rules-table';

const KIND_LABEL: Record<string, string> = { hma: 'Hasher-Matcher-Actioner', cloud: 'Cloud matching service' };

/** Every outside matcher: where it is, who opted in, and whether it works. Never its key (only whether one is set). */
export function MatchersTable({ matchers, instances, busyId, onEdit, onRemove, onTest }: {
  matchers: MatcherView[];
  instances: InstanceOption[];
  busyId?: string | null;
  onEdit?: (m: MatcherView) => void;
  onRemove?: (m: MatcherView) => void;
  onTest?: (m: MatcherView) => void;
}) {
  if (matchers.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No outside matcher is set up.</p>;
  return (
    <ul className="space-y-3">
      {matchers.map((m) => {
        const c = circuitText(m);
        return (
          <li key={m.id} data-testid="matcher-row" data-matcher-name={m.name} className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold break-words">{m.name}</span>
              <Badge>{KIND_LABEL[m.kind] ?? m.kind}</Badge>
              {!m.enabled ? <Badge>Off</Badge> : null}
              <span data-testid="matcher-circuit"><Badge tone={c.tone}>{c.text}</Badge></span>
            </div>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_minmax(0,1fr)]">
              <dt className="text-muted">URL</dt><dd className="break-all">{m.baseUrl}</dd>
              <dt className="text-muted">Key</dt><dd>{m.hasKey ? 'Set (never shown)' : 'None'}</dd>
              <dt className="text-muted">Instances</dt><dd>{m.instanceIds.length ? instanceNames(m.instanceIds, instances) : 'None opted in: not used'}</dd>
              <dt className="text-muted">Hashes sent</dt><dd>{m.signalTypes.map((s) => s.toUpperCase()).join(', ') || 'none'}</dd>
              <dt className="text-muted">Hits count as</dt><dd>severity {m.severity}{m.label ? `, label ${m.label}` : ''}</dd>
              <dt className="text-muted">Limits</dt><dd>{m.timeoutMs} ms timeout, {m.perMinute} calls a minute{m.allowPrivate ? ', private address allowed' : ''}</dd>
              <dt className="text-muted">Activity</dt>
              <dd><span data-testid="matcher-hits">{m.hits}</span> hits in {m.checked} checked, {m.pendingChecks} waiting · last OK {when(m.lastOkAt)}</dd>
              {m.lastError ? (<><dt className="text-muted">Last error</dt><dd className="break-words text-danger">{m.lastError}</dd></>) : null}
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={() => onTest?.(m)} disabled={busyId === m.id} data-testid="matcher-test">{busyId === m.id ? 'Testing…' : 'Test connection'}</Button>
              <Button type="button" variant="ghost" onClick={() => onEdit?.(m)} aria-label={`Edit ${m.name}`}>Edit</Button>
              <Button type="button" variant="ghost" className="text-danger" onClick={() => onRemove?.(m)} aria-label={`Remove ${m.name}`}>Remove</Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
