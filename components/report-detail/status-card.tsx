import type { StatusView } from '@/lib/queue/detail-types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { MediaItem } from './media-item';
import { MediaDelete } from '@/components/actions/media-delete';
import { StatusActions } from '@/components/actions/status-actions';
import { CaseBadgeLink } from '@/components/cases/case-badge';
import { OpenCaseButton } from '@/components/cases/open-case-button';
import type { MediaPrefs } from './media-prefs';
import { itemNoun } from './item-noun';

/**
 * One reported status. `contentHtml` is the only remote string rendered as HTML, and only because
 * lib/reports/sanitize-html.ts sanitized it on the server (at sync, and again in getReport).
 */
export function StatusCard({ status, index, reportId, prefs, canAct, kind = '' }: { status: StatusView; index: number; reportId: string; prefs: MediaPrefs; canAct: boolean; kind?: string }) {
  const noun = itemNoun(kind, status.remoteId).one;
  return (
    <Card className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <h3 className="text-sm font-semibold text-ink">{noun} {index + 1}</h3>
        {status.visibility ? <Badge>{status.visibility}</Badge> : null}
        {status.sensitive ? <Badge tone="warn">marked sensitive</Badge> : null}
        {status.remoteState ? <Badge tone="danger">{status.remoteState} on server</Badge> : null}
        {status.remoteCreatedAt ? <time dateTime={status.remoteCreatedAt} suppressHydrationWarning>{new Date(status.remoteCreatedAt).toLocaleString()}</time> : null}
        {status.url ? <a href={status.url} target="_blank" rel="noreferrer noopener" className="text-accent underline">Open on its server<span className="sr-only"> (opens in a new tab)</span></a> : null}
      </div>
      {status.spoilerText ? <p className="text-sm" dir="auto"><span className="font-medium">Content warning:</span> {status.spoilerText}</p> : null}
      <div className="status-content space-y-2 text-sm break-words [&_a]:text-accent [&_a]:underline" dir="auto" dangerouslySetInnerHTML={{ __html: status.contentHtml }} />
      {status.media.length ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label={`Media in ${noun.toLowerCase()} ${index + 1}`} role="group">
          {status.media.map((m) => (
            <div key={m.id} className="space-y-1.5">
              <MediaItem
                media={m}
                reportId={reportId}
                prefs={prefs}
                canAct={canAct}
                extra={m.case ? <CaseBadgeLink badge={m.case} /> : canAct && m.state === 'done' ? <OpenCaseButton target={{ mediaId: m.id }} context={`for ${m.description?.trim() || 'this media item'}`} size="sm" /> : null}
              />
              {canAct ? <MediaDelete reportId={reportId} mediaId={m.id} deletedAt={m.remoteDeletedAt} /> : null}
            </div>
          ))}
        </div>
      ) : null}
      {canAct ? <StatusActions reportId={reportId} status={status} /> : null}
    </Card>
  );
}
