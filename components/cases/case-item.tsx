'use client';

import type { CaseDetail } from '@/lib/cases/types';
import type { MediaView } from '@/lib/queue/detail-types';
import { Card } from '@/components/ui/card';
import { MediaItem } from '@/components/report-detail/media-item';
import type { MediaPrefs } from '@/components/report-detail/media-prefs';
import { describeMatch } from '@/components/queue/match-badge';
import { SafeLink } from './safe-link';

/**
 * The item itself: blurred with the report page's reveal rules (MediaItem: severe matches need two clicks, viewers
 * never get the original, every reveal is audited), its hashes, the best bank match and where it came from.
 * Origin fields are remote text: shown escaped, linked only when they are http(s) URLs.
 */
export function CaseItem({ c, media, prefs }: { c: CaseDetail; media: MediaView | null; prefs: MediaPrefs }) {
  const m = c.bestMatch;
  return (
    <section aria-labelledby="case-item-heading">
      <Card className="grid gap-4 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <div>
          <h2 id="case-item-heading" className="mb-2 text-sm font-semibold">The item</h2>
          {media ? <MediaItem media={media} prefs={prefs} canAct={c.can.edit} /> : <p className="text-sm text-muted">The item&rsquo;s media is not stored here (or not visible to you).</p>}
        </div>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] content-start gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-muted">SHA-256</dt><dd className="break-all font-mono text-xs">{c.hashes.sha256 ?? '—'}</dd>
          <dt className="text-muted">MD5</dt><dd className="break-all font-mono text-xs">{c.hashes.md5 ?? '—'}</dd>
          <dt className="text-muted">PDQ</dt>
          <dd className="break-all font-mono text-xs">{c.hashes.pdq ?? '—'}{c.hashes.pdqQuality !== null ? <span className="font-sans text-muted"> (quality {c.hashes.pdqQuality})</span> : null}</dd>
          <dt className="text-muted">Best match</dt>
          <dd>{m ? describeMatch({ ...m, quality: null }) : 'No bank match'}</dd>
          <dt className="text-muted">Origin post</dt>
          <dd className="break-all"><SafeLink href={c.origin.url ?? c.origin.uri} text={c.origin.uri ?? c.origin.url} /></dd>
          <dt className="text-muted">Origin file</dt>
          <dd className="break-all"><SafeLink href={c.origin.mediaUrl} text={c.origin.mediaUrl} /></dd>
          <dt className="text-muted">Account</dt>
          <dd className="break-all"><SafeLink href={c.origin.accountUrl} text={c.origin.acct} /></dd>
          <dt className="text-muted">Origin instance</dt>
          <dd className="break-all">{c.origin.domain ?? '—'}</dd>
        </dl>
      </Card>
    </section>
  );
}
