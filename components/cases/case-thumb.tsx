'use client';

import { useState } from 'react';

/**
 * The item as a small blurred preview (the server blurs it; /api/media/[id]/preview, signed-in staff only). Never
 * the original. Items without a preview (video, not fetched yet) show an empty tile instead of a broken image.
 */
export function CaseThumb({ mediaId, gray, size }: { mediaId: string | null; gray: boolean; size: 'sm' | 'lg' }) {
  const [failed, setFailed] = useState(false);
  const box = size === 'sm' ? 'h-12 w-12' : 'h-40 w-40';
  if (!mediaId || failed) return <span aria-hidden className={`${box} block rounded border border-dashed border-line bg-canvas`} />;
  return (
    <img
      src={`/api/media/${mediaId}/preview${gray ? '?gray=1' : ''}`}
      alt=""
      onError={() => setFailed(true)}
      loading="lazy"
      className={`${box} rounded border border-line bg-subtle object-cover`}
    />
  );
}
