/**
 * A copy's identity on its instance (shared with the remote lookups): the post when it is known, else the file.
 * Several files of one post are one copy: the post is what gets removed.
 */
export function localCopyKey(media: { remoteId: string; status: { remoteId: string } | null }): string {
  return media.status ? `post:${media.status.remoteId}` : `media:${media.remoteId}`;
}

export function remoteCopyKey(found: { postId: string | null; mediaId: string | null }): string | null {
  if (found.postId) return `post:${found.postId}`;
  return found.mediaId ? `media:${found.mediaId}` : null;
}
