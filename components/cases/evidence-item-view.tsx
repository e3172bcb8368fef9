'use client';

/**
 * One opened evidence item (already fetched with a reason, audited server-side). Images are blurred and grayscale
 * until revealed, and blur again when the moderator leaves the tab; JSON is shown as text (escaped by React);
 * anything else can only be saved. Only plain raster images are shown inline (never SVG: it can carry script).
 */
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useReblur } from '@/components/report-detail/use-reblur';
import { saveBlob } from './evidence-api';

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
const TEXT_LIMIT = 200_000;

function mimeOf(raw: string): string {
  return raw.split(';')[0].trim().toLowerCase();
}

export function EvidenceItemView({ path, blob, mime, onClose }: { path: string; blob: Blob; mime: string; onClose: () => void }) {
  const kind = INLINE_IMAGES.has(mimeOf(mime)) ? 'image' : mimeOf(mime) === 'application/json' || mimeOf(mime).startsWith('text/') ? 'text' : 'other';
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  useReblur({ onTabHidden: () => setRevealed(false), onPageHide: () => setRevealed(false), onPageShowFromCache: () => setRevealed(false) });

  useEffect(() => {
    if (kind !== 'image') return;
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob, kind]);
  useEffect(() => {
    if (kind !== 'text') return;
    let live = true;
    void blob.text().then((t) => {
      if (!live) return;
      let shown = t;
      try { shown = JSON.stringify(JSON.parse(t), null, 2); } catch { /* not JSON: show as it is */ }
      setText(shown.length > TEXT_LIMIT ? `${shown.slice(0, TEXT_LIMIT)}\n… (cut here; save the file for the rest)` : shown);
    });
    return () => { live = false; };
  }, [blob, kind]);

  const name = path.split('/').pop() || 'evidence-item';
  return (
    <div className="space-y-2 rounded-md border border-line p-2" data-testid="evidence-item-view" data-kind={kind}>
      <p className="break-all font-mono text-xs">{path}</p>
      {kind === 'image' && url ? (
        <div className="overflow-hidden rounded border border-line bg-subtle">
          <img src={url} alt={`${name} (${revealed ? 'revealed' : 'blurred'})`} className={`h-auto max-h-80 w-full object-contain ${revealed ? '' : 'blur-xl grayscale'}`} />
        </div>
      ) : null}
      {kind === 'text' ? (
        <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-subtle p-2 text-xs" tabIndex={0} role="region" aria-label={`Contents of ${name}`}>{text ?? 'Reading…'}</pre>
      ) : null}
      {kind === 'other' ? <p className="text-xs text-muted">This file type ({mimeOf(mime)}) is not shown here; save it to inspect.</p> : null}
      <div className="flex flex-wrap gap-2">
        {kind === 'image' ? (
          <Button type="button" className="px-2 py-1 text-xs" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            {revealed ? 'Blur again' : 'Reveal'}<span className="sr-only"> {name}</span>
          </Button>
        ) : null}
        <Button type="button" className="px-2 py-1 text-xs" onClick={() => saveBlob(blob, name)}>Save file<span className="sr-only"> {name}</span></Button>
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={onClose}>Close<span className="sr-only"> {name}</span></Button>
      </div>
    </div>
  );
}
