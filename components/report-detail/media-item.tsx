'use client';

/**
 * One media item. Blurred (and grayscale, per preference) by default; "Reveal" swaps in the original, which the
 * server audits on every load. With the blur preference off the original loads directly, and is audited the
 * same way. Videos and other non-image files are never shown inline: a card and an audited download.
 * Issue 15: each reveal carries a browser-made id and is ended by a beacon (its duration is exposure); a severe
 * item is shown as hashes and match data only while the person keeps that safer default; a reveal the server
 * refuses (an exposure limit) shows the server's words.
 */
import { useState, type ReactNode } from 'react';
import type { MediaView } from '@/lib/queue/detail-types';
import { isSevereMatch } from '@/lib/queue/match-view';
import { AddToBankButton } from '@/components/banks/add-to-bank-button';
import { errorMessage } from '@/components/auth/send-json';
import { SevereHashesCard, showsAsHashes } from '@/components/exposure/severe-hashes-card';
import { useReveal, withRevealId } from '@/components/exposure/use-reveal';
import { MediaMatches } from './media-matches';
import type { MediaPrefs } from './media-prefs';
import { useReblur } from './use-reblur';
import { MediaState } from './media-state';

/**
 * `reportId` is the context a reveal is audited with (the report page); the case page reveals without one. `extra`
 * sits with the item's own buttons (the report page's "Open case").
 */
export function MediaItem({ media, reportId, prefs, canAct, extra }: { media: MediaView; reportId?: string; prefs: MediaPrefs; canAct: boolean; extra?: ReactNode }) {
  const top = media.matches[0];
  const severe = !!top && (isSevereMatch(top) || top.severity >= (prefs.severeAt ?? 4));
  const hashesOnly = showsAsHashes(media, prefs);
  // Originals are for moderators and up (canAct here, since the report is visible); viewers get the preview only.
  const mayReveal = canAct && media.hasOriginal;
  // A severe match never loads its original by itself, whatever the blur preference says.
  const auto = !prefs.blurMedia && media.inlineOriginal && mayReveal && !severe;
  const reveal = useReveal(auto);
  const revealed = reveal.revealId !== null;
  const [armed, setArmed] = useState(false);
  const [colour, setColour] = useState(!prefs.grayscaleMedia);
  const [previewShown, setPreviewShown] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Manual reveals blur again on leaving; auto-revealed items (blur preference off) are left alone on a tab
  // switch, since re-showing them would log a fresh reveal each time the moderator comes back.
  useReblur({
    onTabHidden: () => { if (!auto) { reveal.hide(); setArmed(false); } },
    onPageHide: () => { reveal.hide(); setArmed(false); },
    onPageShowFromCache: () => { if (auto) reveal.reveal(); },
  });

  const original = `/api/media/${media.id}/original${reportId ? `?report=${reportId}` : ''}`;
  const download = `${original}${reportId ? '&' : '?'}download=1`;
  const label = media.description?.trim() || 'Media without a description';
  if (media.state !== 'done') return <MediaState media={media} label={label} />;

  /** The <img> cannot read a 403: ask once more for the JSON answer and show its words (a limit, a lost permission). */
  async function explainFailure(src: string) {
    const res = await fetch(src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).catch(() => null);
    if (res && res.ok) { reveal.hide(); setRefusal('The original could not be shown. Try again.'); return; }
    reveal.refused();
    setArmed(false);
    setRefusal(res ? errorMessage(await res.json().catch(() => null)) : 'Could not reach the server. Check your connection and try again.');
  }

  const bankButton = canAct && media.state === 'done' ? <AddToBankButton mediaId={media.id} /> : null;
  if (hashesOnly && !previewShown && !revealed) {
    const canPreview = media.inlineOriginal ? media.hasPreview || mayReveal : media.hasPreview;
    const more = <>{!media.inlineOriginal && mayReveal ? <a href={download} download className="text-sm font-medium text-accent underline">Download original</a> : null}{bankButton}{extra}</>;
    return <SevereHashesCard media={media} label={label} onShowPreview={canPreview ? () => setPreviewShown(true) : undefined} extra={more} />;
  }
  if (!media.inlineOriginal) {
    return (
      <figure className="space-y-1.5">
        <MediaMatches matches={media.matches} />
        {media.hasPreview ? <img src={`/api/media/${media.id}/preview`} alt={`${label} (card, not a preview of the content)`} className="max-h-80 w-full rounded border border-line object-contain" /> : null}
        <figcaption className="text-xs text-muted">
          {media.type === 'video' || media.type === 'gifv' || media.mime?.startsWith('video/') ? 'Video is not previewed; download to inspect.' : 'This file type is not previewed; download to inspect.'}
        </figcaption>
        {mayReveal ? <a href={download} download className="text-sm font-medium text-accent underline">Download original</a> : null}
        {bankButton}
        {extra}
      </figure>
    );
  }

  const gray = prefs.grayscaleMedia && !colour;
  const src = reveal.revealId ? withRevealId(original, reveal.revealId) : `/api/media/${media.id}/preview${prefs.grayscaleMedia ? '?gray=1' : ''}`;
  return (
    <figure className="space-y-1.5">
      <MediaMatches matches={media.matches} />
      <img
        src={src}
        alt={`${label} (${revealed ? 'original, revealed' : 'blurred preview'})`}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading="lazy"
        onError={revealed ? () => void explainFailure(src) : undefined}
        className={`h-auto max-h-80 w-full rounded border border-line bg-subtle object-contain ${revealed && gray ? 'grayscale' : ''}`}
      />
      <figcaption className="line-clamp-3 text-xs text-muted" dir="auto">{media.description || 'No description'}</figcaption>
      <div aria-live="polite">{refusal ? <p role="alert" data-testid="reveal-refused" className="rounded-md border border-danger/40 bg-danger-soft px-2 py-1 text-xs text-danger">{refusal}</p> : null}</div>
      <div className="flex flex-wrap gap-2">
        {mayReveal ? (
          severe && !revealed && !armed ? (
            <button type="button" onClick={() => setArmed(true)} className="rounded-md border border-danger bg-surface px-2 py-1 text-xs font-medium text-danger hover:bg-danger-soft">
              Reveal…<span className="sr-only"> {label}</span>
            </button>
          ) : severe && !revealed ? (
            <>
              <button type="button" onClick={() => { setRefusal(null); reveal.reveal(); }} className="rounded-md bg-danger px-2 py-1 text-xs font-semibold text-on-accent hover:bg-danger-strong" autoFocus>
                Reveal severe match anyway<span className="sr-only"> {label}</span>
              </button>
              <button type="button" onClick={() => setArmed(false)} className="rounded-md border border-line bg-surface px-2 py-1 text-xs">Cancel</button>
            </>
          ) : (
            <button type="button" onClick={() => { setRefusal(null); if (revealed) reveal.hide(); else reveal.reveal(); setArmed(false); }} aria-pressed={revealed} className="rounded-md border border-line bg-surface px-2 py-1 text-xs font-medium hover:bg-hover">
              {revealed ? 'Hide' : 'Reveal'}<span className="sr-only"> {label}</span>
            </button>
          )
        ) : null}
        {revealed && prefs.grayscaleMedia ? (
          <button type="button" onClick={() => setColour((c) => !c)} aria-pressed={colour} className="rounded-md border border-line bg-surface px-2 py-1 text-xs hover:bg-hover">
            {colour ? 'Show in grayscale' : 'Show in colour'}
          </button>
        ) : null}
        {bankButton}
        {extra}
      </div>
    </figure>
  );
}
