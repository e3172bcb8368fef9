/**
 * A severe item shown as data only (User.severeAsHashes): the match (bank, label, severity, distance) and the file's
 * hashes, and no picture at all, not even a blurred one. "Show blurred preview" opens the preview for this item only;
 * revealing the original stays the separate, explicit step after that.
 */
import { MediaMatches } from '@/components/report-detail/media-matches';
import type { MediaView } from '@/lib/queue/detail-types';

export function SevereHashesCard({ media, label, onShowPreview, extra }: { media: MediaView; label: string; onShowPreview?: () => void; extra?: React.ReactNode }) {
  const h = media.hashes;
  const rows: [string, string | null | undefined][] = [['SHA-256', h?.sha256], ['MD5', h?.md5], ['PDQ', h?.pdq]];
  const known = rows.filter((r): r is [string, string] => !!r[1]);
  return (
    <figure className="space-y-1.5" data-testid="severe-as-hashes">
      <MediaMatches matches={media.matches} />
      <div className="rounded border border-line bg-canvas p-3 text-xs">
        <p className="mb-1.5 text-sm text-muted">Shown as hashes and match data only: no picture is loaded.</p>
        {known.length ? (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            {known.map(([k, v]) => (
              <div key={k} className="contents"><dt className="font-medium">{k}</dt><dd className="font-mono break-all">{v}</dd></div>
            ))}
          </dl>
        ) : <p className="text-muted">No hashes stored for this file yet.</p>}
      </div>
      <figcaption className="line-clamp-3 text-xs text-muted" dir="auto">{media.description || 'No description'}</figcaption>
      <div className="flex flex-wrap gap-2">
        {onShowPreview ? (
          <button type="button" onClick={onShowPreview} className="rounded-md border border-line bg-surface px-2 py-1 text-xs font-medium hover:bg-hover">
            Show blurred preview<span className="sr-only"> of {label}</span>
          </button>
        ) : null}
        {extra}
      </div>
    </figure>
  );
}

/** Whether an item is shown as hashes: the person's preference (on unless turned off) and a match at the severe level. */
export function showsAsHashes(media: Pick<MediaView, 'matches'>, prefs: { severeAsHashes?: boolean; severeAt?: number }): boolean {
  const top = media.matches[0];
  if (!top || prefs.severeAsHashes === false) return false;
  return top.severity >= (prefs.severeAt ?? 4) || top.label === 'csam';
}
