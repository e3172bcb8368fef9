import type { Run } from './bank-api';

const fmt = new Intl.NumberFormat('en-US');

/** "Rematching 1,234 / 5,000 media" with a bar while a run is live; a one-line outcome once it is over. */
export function RematchProgress({ run }: { run: Run | null }) {
  if (!run) return <span className="text-muted">—</span>;
  if (run.status === 'queued') return <span className="text-muted">Rematch queued</span>;
  if (run.status === 'failed') return <span className="text-danger" title={run.error ?? ''}>Rematch failed</span>;
  if (run.status === 'done') return <span className="text-muted">Rematched {fmt.format(run.done)} media, {fmt.format(run.matched)} matched</span>;
  const pct = run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
  return (
    <div className="min-w-44 space-y-1">
      <div className="text-xs">Rematching {fmt.format(run.done)} / {fmt.format(run.total)} media</div>
      <div role="progressbar" aria-label="Rematch progress" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done} className="h-1.5 overflow-hidden rounded bg-subtle">
        <div className="h-full bg-accent transition-[width]" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
