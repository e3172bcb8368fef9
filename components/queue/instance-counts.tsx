'use client';

import type { InstanceCount } from '@/lib/queue/types';

/** Open reports per instance; choosing one filters the queue to it (choosing it again clears the filter). */
export function InstanceCounts({ counts, selected, onSelect }: { counts: InstanceCount[]; selected?: string; onSelect: (id: string | undefined) => void }) {
  const total = counts.reduce((n, c) => n + c.open, 0);
  return (
    <nav aria-label="Open reports per instance">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Open per instance</h2>
      <ul className="space-y-0.5 text-sm">
        <li>
          <CountButton active={!selected} label="All instances" count={total} onClick={() => onSelect(undefined)} />
        </li>
        {counts.map((c) => (
          <li key={c.instanceId}>
            <CountButton
              active={selected === c.instanceId}
              label={c.name}
              sub={c.kind}
              count={c.open}
              onClick={() => onSelect(selected === c.instanceId ? undefined : c.instanceId)}
            />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CountButton({ active, label, sub, count, onClick }: { active: boolean; label: string; sub?: string; count: number; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1 text-left ${active ? 'bg-[#e2ebf4] font-medium text-accent' : 'hover:bg-[#eceeef]'}`}
    >
      <span className="min-w-0 truncate">
        {label}
        {sub ? <span className="ml-1 text-xs text-muted">{sub}</span> : null}
      </span>
      <span className="tabular-nums text-xs text-muted">{count}</span>
    </button>
  );
}
