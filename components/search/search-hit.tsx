'use client';

/** One result: a single link (the only interactive element in the row), its context line and excerpt as plain text. */
import Link from 'next/link';
import type { SearchItem } from '@/lib/search/types';
import { CaseThumb } from '@/components/cases/case-thumb';

export function SearchHit({ item, index, active, gray, onFocus }: { item: SearchItem; index: number; active: boolean; gray: boolean; onFocus: () => void }) {
  const title = <span className="font-medium break-all text-accent">{item.title}</span>;
  const linkClass = 'rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';
  return (
    <li data-testid="search-hit" className={`flex gap-3 rounded-md px-2 py-2 ${active ? 'bg-selected' : ''}`}>
      {item.mediaId !== undefined ? <CaseThumb mediaId={item.mediaId} gray={gray} size="sm" /> : null}
      <div className="min-w-0 flex-1">
        {item.href === null ? (
          <span className="font-medium break-all">{item.title}</span>
        ) : item.external ? (
          <a href={item.href} target="_blank" rel="noopener noreferrer nofollow" data-hit={index} onFocus={onFocus} className={linkClass}>
            {title} <span className="text-xs text-muted">(on its server)</span>
          </a>
        ) : (
          <Link href={item.href} data-hit={index} onFocus={onFocus} className={linkClass}>{title}</Link>
        )}
        <p className="text-xs text-muted">
          {item.detail}
          {item.at ? <> · <time dateTime={item.at}>{new Date(item.at).toISOString().slice(0, 10)}</time></> : null}
        </p>
        {item.excerpt ? <p className="mt-0.5 text-sm break-words text-ink">{item.excerpt}</p> : null}
      </div>
    </li>
  );
}
