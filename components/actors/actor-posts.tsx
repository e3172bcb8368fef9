'use client';
/** The account's posts that have media in our store, with blurred previews (never the originals here). */
import { CaseThumb } from '@/components/cases/case-thumb';
import type { ActorPost } from '@/lib/actors/types';
import { shortDate } from './when';

export function ActorPosts({ posts, gray }: { posts: ActorPost[]; gray: boolean }) {
  if (posts.length === 0) return <p className="text-sm text-muted">No posts with media in our store.</p>;
  return (
    <ul className="divide-y divide-line" data-testid="actor-posts">
      {posts.map((p) => (
        <li key={p.id} className="flex flex-wrap gap-3 py-2 text-sm">
          <div className="flex flex-wrap gap-1.5">
            {p.media.map((m) => (
              <span key={m.id} title={m.description ?? undefined}>
                <CaseThumb mediaId={m.hasPreview ? m.id : null} gray={gray} size="sm" />
                <span className="sr-only">{m.type}{m.description ? `: ${m.description}` : ''}</span>
              </span>
            ))}
          </div>
          <div className="min-w-0 flex-1">
            <p className="text-xs text-muted">
              {p.instance.name}{p.remoteCreatedAt ? ` · ${shortDate(p.remoteCreatedAt)}` : ''}{p.remoteState ? ` · ${p.remoteState} on the server` : ''}
              {p.url ? <> · <a href={p.url} rel="noreferrer noopener" target="_blank" className="text-accent underline underline-offset-2">open on the server</a></> : null}
            </p>
            {p.excerpt ? <p className="break-words">{p.excerpt}</p> : <p className="text-muted">(no text)</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
