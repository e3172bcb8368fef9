'use client';
/** Per instance: queued (then following its action until done or failed) or skipped with the reason. */
import { Badge } from '@/components/ui/badge';
import type { ActionProgress, ApplyResultRow } from '@/lib/actors/types';

const PROGRESS: Record<ActionProgress['status'], { words: string; tone: 'neutral' | 'ok' | 'danger' | 'info' | 'warn' }> = {
  pending: { words: 'Queued', tone: 'info' },
  running: { words: 'Sending…', tone: 'info' },
  done: { words: 'Done', tone: 'ok' },
  failed: { words: 'Failed', tone: 'danger' },
  cancelled: { words: 'Undone, not sent', tone: 'neutral' },
};

export function ApplyResults({ results, progress, testId }: { results: ApplyResultRow[]; progress?: Map<string, ActionProgress>; testId?: string }) {
  return (
    <ul className="divide-y divide-line text-sm" data-testid={testId}>
      {results.map((r) => {
        const p = r.actionId ? progress?.get(r.actionId) : undefined;
        const shown = r.outcome === 'skipped' ? { words: 'Skipped', tone: 'neutral' as const } : PROGRESS[p?.status ?? 'pending'];
        return (
          <li key={r.instanceId} data-testid="apply-result" data-outcome={r.outcome} data-status={p?.status ?? (r.outcome === 'queued' ? 'pending' : 'skipped')} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1.5">
            <span className="font-medium">{r.name}</span>
            <Badge tone={shown.tone}>{shown.words}</Badge>
            {r.reason ? <span className="text-muted">{r.reason}</span> : null}
            {p?.status === 'failed' && p.lastError ? <span className="w-full break-words text-danger">{p.lastError}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
