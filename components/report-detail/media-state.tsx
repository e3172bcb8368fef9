import type { MediaView } from '@/lib/queue/detail-types';

/** Media that has not (yet) been fetched: say so, with the stored error (our own message, rendered escaped). */
export function MediaState({ media, label }: { media: MediaView; label: string }) {
  const text = media.state === 'pending' ? 'Fetching media…' : media.state === 'failed' ? 'Could not fetch this media.' : 'Not fetched.';
  return (
    <figure className="flex min-h-24 flex-col justify-center rounded border border-dashed border-line bg-canvas p-3 text-sm">
      <p className={media.state === 'failed' ? 'text-danger' : 'text-muted'}>{text}</p>
      {media.error ? <p className="mt-1 text-xs text-muted">{media.error}</p> : null}
      <figcaption className="mt-1 line-clamp-2 text-xs text-muted" dir="auto">{media.type}: {label}</figcaption>
    </figure>
  );
}
