import type { MatchView } from '@/lib/queue/match-view';
import { isSevereMatch } from '@/lib/queue/match-view';
import { describeMatch } from '@/components/queue/match-badge';

/** Every bank this item matched, worst first; severe matches read as a warning, not a detail. */
export function MediaMatches({ matches }: { matches: MatchView[] }) {
  if (matches.length === 0) return null;
  const severe = isSevereMatch(matches[0]);
  return (
    <div
      role={severe ? 'alert' : 'note'}
      data-testid="media-matches"
      className={`rounded-md border px-2 py-1.5 text-xs ${severe ? 'border-danger bg-danger-soft text-danger' : 'border-warn/40 bg-warn-soft text-warn'}`}
    >
      <p className="font-semibold">{severe ? 'Matches a severe hash bank. Do not reveal unless you must.' : 'Matches a hash bank.'}</p>
      <ul className="mt-0.5 space-y-0.5">
        {/* An outside matcher's hit names the service first ("HMA · bank …"), so nobody mistakes it for a local bank. */}
        {matches.map((m, i) => <li key={i} data-testid={m.service ? 'outside-match' : undefined}>{m.service ? `${m.service} · ` : ''}{describeMatch(m)}</li>)}
      </ul>
    </div>
  );
}
