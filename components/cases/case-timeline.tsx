import type { CaseTimelineEvent } from '@/lib/cases/types';
import { Card } from '@/components/ui/card';
import { describeCaseEvent } from './case-event-text';

/** Detail values as short text (our own audit JSON; still rendered escaped); instance ids read as their names. */
function detailText(details: Record<string, unknown>, names: ReadonlyMap<string, string>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => (k === 'instanceId' && typeof v === 'string' && names.has(v) ? `instance: ${names.get(v)}` : `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`))
    .join(' · ')
    .slice(0, 400);
}

/** The case's audit events, newest first: the same rows the audit log holds. */
export function CaseTimeline({ events, instanceNames }: { events: CaseTimelineEvent[]; instanceNames: ReadonlyMap<string, string> }) {
  return (
    <section aria-labelledby="case-timeline-heading" className="space-y-2">
      <h2 id="case-timeline-heading" className="text-sm font-semibold">Timeline</h2>
      <Card className="p-0">
        {events.length === 0 ? <p className="p-3 text-sm text-muted">No events.</p> : (
          <ol>
            {events.map((e) => (
              <li key={e.seq} data-testid="case-event" className="border-b border-line px-3 py-2 text-sm last:border-0">
                <p className="[overflow-wrap:anywhere]">{describeCaseEvent(e, instanceNames)}</p>
                <p className="flex flex-wrap gap-x-2 text-xs text-muted">
                  <time dateTime={e.at} suppressHydrationWarning>{new Date(e.at).toLocaleString()}</time>
                  <span>{e.actorLabel}</span>
                  <span className="font-mono">{e.action}</span>
                </p>
                {/* The raw details for whoever compares with the audit log, folded away. */}
                {detailText(e.details, instanceNames) ? (
                  <details className="mt-0.5 text-xs text-muted">
                    <summary className="cursor-pointer">Details</summary>
                    <p className="break-all">{detailText(e.details, instanceNames)}</p>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}
