'use client';

/**
 * One media item. Blurred (and grayscale, per preference) by default; "Reveal" swaps in the original, which the
 * server audits on every load. With the blur preference off the original loads directly, and is audited the
 * same way. Videos and other non-image files are never shown inline: a card and an audited download.
 */
import { useState } from 'react';
import type { MediaView } from '@/lib/queue/detail-types';
import type { MediaPrefs } from './media-prefs';
import { useReblur } from './use-reblur';
import { MediaState } from './media-state';

export function MediaItem({ media, reportId, prefs }: { media: MediaView; reportId: string; prefs: MediaPrefs }) {
  const auto = !prefs.blurMedia && media.inlineOriginal && media.hasOriginal;
  const [revealed, setRevealed] = useState(auto);
  const [colour, setColour] = useState(!prefs.grayscaleMedia);
  // Manual reveals blur again on leaving; auto-revealed items (blur preference off) are left alone on a tab
  // switch, since re-showing them would log a fresh reveal each time the moderator comes back.
  useReblur({
    onTabHidden: () => { if (!auto) setRevealed(false); },
    onPageHide: () => setRevealed(false),
    onPageShowFromCache: () => setRevealed(auto),
  });

  const original = `/api/media/${media.id}/original?report=${reportId}`;
  const label = media.description?.trim() || 'Media without a description';
  if (media.state !== 'done') return <MediaState media={media} label={label} />;

  if (!media.inlineOriginal) {
    return (
      <figure className="space-y-1.5">
        {media.hasPreview ? <img src={`/api/media/${media.id}/preview`} alt={`${label} (card, not a preview of the content)`} className="w-full rounded border border-line" /> : null}
        <figcaption className="text-xs text-muted">
          {media.type === 'video' || media.type === 'gifv' || media.mime?.startsWith('video/') ? 'Video is not previewed; download to inspect.' : 'This file type is not previewed; download to inspect.'}
        </figcaption>
        {media.hasOriginal ? <a href={`${original}&download=1`} download className="text-sm font-medium text-accent underline">Download original</a> : null}
      </figure>
    );
  }

  const gray = prefs.grayscaleMedia && !colour;
  const src = revealed ? original : `/api/media/${media.id}/preview${prefs.grayscaleMedia ? '?gray=1' : ''}`;
  return (
    <figure className="space-y-1.5">
      <img
        src={src}
        alt={`${label} (${revealed ? 'original, revealed' : 'blurred preview'})`}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading="lazy"
        className={`h-auto max-h-96 w-full rounded border border-line bg-[#eceeef] object-contain ${revealed && gray ? 'grayscale' : ''}`}
      />
      <figcaption className="line-clamp-3 text-xs text-muted" dir="auto">{media.description || 'No description'}</figcaption>
      <div className="flex flex-wrap gap-2">
        {media.hasOriginal ? (
          <button type="button" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed} className="rounded-md border border-line bg-white px-2 py-1 text-xs font-medium hover:bg-[#eef0f2]">
            {revealed ? 'Hide' : 'Reveal'}<span className="sr-only"> {label}</span>
          </button>
        ) : null}
        {revealed && prefs.grayscaleMedia ? (
          <button type="button" onClick={() => setColour((c) => !c)} aria-pressed={colour} className="rounded-md border border-line bg-white px-2 py-1 text-xs hover:bg-[#eef0f2]">
            {colour ? 'Show in grayscale' : 'Show in colour'}
          </button>
        ) : null}
      </div>
    </figure>
  );
}
