import Link from 'next/link';
import type { Run, RunMatch } from './bank-api';

const fmt = new Intl.NumberFormat('en-US');

/** Where to follow a matched media up: its report, else its case; neither means only the queue filter finds it. */
function Target({ m }: { m: RunMatch }) {
  if (m.reportId) return <Link className="underline" href={`/reports/${m.reportId}`}>Open report</Link>;
  if (m.caseId) return <Link className="underline" href={`/cases/${m.caseId}`}>Open case {m.caseNumber ?? ''}</Link>;
  return <span className="text-muted">no report or case holds it</span>;
}

function how(m: RunMatch): string {
  const kind = m.signalType === 'pdq' ? (m.distance === 0 ? 'PDQ, identical' : `PDQ, distance ${m.distance}`) : `${m.signalType.toUpperCase()}, exact`;
  return m.entryLabel ? `${kind} · ${m.entryLabel}` : kind;
}

/**
 * The media a finished run newly matched, folded under the run's one-line outcome. Text only (instance, kind,
 * how it matched): no thumbnail here, because a bank hit is exactly the media that should stay behind the
 * report page's blur and reveal rules.
 */
export function RunMatches({ run }: { run: Run }) {
  const m = run.matches;
  if (!m || run.status === 'queued') return null;
  if (m.count === 0) {
    return run.matched > 0 && run.status === 'done' ? (
      <p className="text-xs text-muted">No media newly matched: the {fmt.format(run.matched)} matched had matched this bank before.</p>
    ) : null;
  }
  const total = `${fmt.format(m.count)}${m.capped ? '+' : ''}`;
  return (
    <details className="text-xs" data-testid="run-matches">
      <summary className="cursor-pointer">Newly matched media ({total})</summary>
      <ul className="mt-1 space-y-1">
        {m.items.map((item) => (
          <li key={item.mediaId} className="flex flex-wrap gap-x-2" data-media-id={item.mediaId}>
            <span>
              {item.mediaType} on {item.instanceName}
            </span>
            <span className="text-muted">{how(item)}</span>
            <Target m={item} />
          </li>
        ))}
      </ul>
      {m.count > m.items.length ? <p className="mt-1 text-muted">and {fmt.format(m.count - m.items.length)}{m.capped ? '+' : ''} more, not listed here; the queue&apos;s &ldquo;Has matches&rdquo; filter finds their reports.</p> : null}
    </details>
  );
}
