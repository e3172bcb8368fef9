/**
 * The exit check for watch-list posts (issue 14), the twin of report-items.ts: a post leaves a connector either
 * writable (the same cleaning a report's statuses and accounts get, contract I5) or as a SkippedItem whose reason
 * is built from the parse error, never from the post's text. Used by the Misskey, Lemmy and PeerTube readers; the
 * cleaning itself is writable-post.ts's, shared with the Mastodon family.
 */
import type { RemotePost } from '../watch-types';
import type { SkippedItem } from '../types';
import { skipItem } from './report-items';
import { toWritablePost } from './writable-post';

export interface PostSink {
  items: RemotePost[];
  skipped: SkippedItem[];
}

/** Adds a mapped post to the page, or records it as skipped when it is not writable. */
export function keepPost(sink: PostSink, post: RemotePost, raw: unknown): void {
  const w = toWritablePost(post);
  if (w.ok) sink.items.push(w.post);
  else sink.skipped.push(skipItem(post.remoteId, w.error, raw));
}

export { skipItem };
