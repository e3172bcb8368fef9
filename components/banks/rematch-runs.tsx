import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/instances/relative-time';
import type { Run } from './bank-api';
import { RematchProgress } from './rematch-progress';
import { RunMatches } from './run-matches';

/** The bank's recent rematch passes over stored media, newest first. */
export function RematchRuns({ runs }: { runs: Run[] }) {
  return (
    <Card className="space-y-2">
      <h2 className="text-sm font-semibold">Rematch runs</h2>
      {runs.length === 0 ? (
        <p className="text-xs text-muted">None yet. Adding entries, or enabling the bank, matches the media already stored against it.</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="rematch-runs">
          {runs.map((r) => (
            <li key={r.id} className="space-y-0.5">
              <RematchProgress run={r} />
              <div className="text-xs text-muted">started <RelativeTime iso={r.startedAt ?? r.createdAt} />{r.error ? ` · ${r.error}` : ''}</div>
              <RunMatches run={r} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
