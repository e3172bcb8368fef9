'use client';

import type { InstanceCount } from '@/lib/queue/types';
import { formatAge } from './format';

/**
 * Open reports per instance; choosing one filters the queue to it (choosing it again clears the filter). `oldest`
 * (instanceId → ISO date of the oldest open report) adds how long the longest wait is, when queue health knows it.
 */
export function InstanceCounts({ counts, selected, onSelect, oldest }: {
  counts: InstanceCount[]; selected?: string; onSelect: (id: string | undefined) => void; oldest?: ReadonlyMap<string, string | null>;
}) {
  const total = counts.reduce((n, c) => n + c.open, 0);
  return (
    <nav aria-label="Open reports per instance">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Open per instance</h2>
      <ul className="space-y-0.5 text-sm">
        <li>
          <CountButton active={!selected} label="All instances" count={total} onClick={() => onSelect(undefined)} />
        </li>
        {counts.map((c) => {
          const since = c.open > 0 ? oldest?.get(c.instanceId) ?? null : null;
          return (
            <li key={c.instanceId}>
              <CountButton
                active={selected === c.instanceId}
                label={c.name}
                sub={c.kind}
                count={c.open}
                oldest={since}
                onClick={() => onSelect(selected === c.instanceId ? undefined : c.instanceId)}
              />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function CountButton({ active, label, sub, count, oldest, onClick }: { active: boolean; label: string; sub?: string; count: number; oldest?: string | null; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1 text-left ${active ? 'bg-selected font-medium text-accent' : 'hover:bg-subtle'}`}
    >
      <span className="min-w-0 truncate">
        {label}
        {sub ? <span className="ml-1 text-xs text-muted">{sub}</span> : null}
      </span>
      <span className="shrink-0 text-right text-xs text-muted tabular-nums">
        {count}
        {oldest ? (
          <span className="block" suppressHydrationWarning>
            <span className="sr-only">open, the oldest waiting </span><span aria-hidden="true">oldest </span>{formatAge(oldest)}
          </span>
        ) : null}
      </span>
    </button>
  );
}
