/**
 * Admin purges on the fake's state, as Lemmy does them:
 * - post: the row is deleted; Postgres cascades to its reports and its comments (and their reports); its
 *   image goes from pict-rs. **verify** the comment cascade (post_id foreign keys with ON DELETE CASCADE).
 * - comment: the row and its reports are deleted.
 * - person (lemmy 0.19 and 1.0 purge_person → purge_user_account): the person record is kept, banned and marked
 *   deleted; their posts and comments are "permadeleted" (text replaced by "*Permanently Deleted*", URL and
 *   image gone, deleted=true) and their uploads purged from pict-rs. Reports on that content stay.
 *   Thumbnails pict-rs made of their link posts: 0.19 records them with local_user_id None, so they are NOT
 *   deleted (api_common utils.rs delete_local_user_images reads only a local user's uploads, and
 *   Post::permadelete_for_creator leaves thumbnail_url as it is); 1.0 attributes a thumbnail to the post's creator
 *   (request.rs generate_pictrs_thumbnail: person_id = post.creator_id), so they go with the person.
 * Every post a purge touches is kept as it was in state.purgedPosts, for the keep-serving switch (routes-media.ts).
 */
import type { FakeLemmyState } from './state';

export const DELETED_REPLACEMENT_TEXT = '*Permanently Deleted*';

function dropReports(state: FakeLemmyState, type: 'post' | 'comment', objectIds: Set<number>): void {
  for (const [key, r] of state.reports) if (r.type === type && objectIds.has(r.objectId)) state.reports.delete(key);
}

export function purgePost(state: FakeLemmyState, postId: number): boolean {
  const post = state.posts.get(postId);
  if (!post) return false;
  state.purgedPosts.set(postId, { ...post });
  state.posts.delete(postId);
  const comments = new Set([...state.comments.values()].filter((c) => c.postId === postId).map((c) => c.id));
  for (const id of comments) state.comments.delete(id);
  dropReports(state, 'post', new Set([postId]));
  dropReports(state, 'comment', comments);
  return true;
}

export function purgeComment(state: FakeLemmyState, commentId: number): boolean {
  if (!state.comments.delete(commentId)) return false;
  dropReports(state, 'comment', new Set([commentId]));
  return true;
}

export function purgePerson(state: FakeLemmyState, personId: number): boolean {
  const person = state.persons.get(personId);
  if (!person) return false;
  person.banned = true;
  person.deleted = true;
  for (const post of state.posts.values()) {
    if (post.creatorId !== personId) continue;
    state.purgedPosts.set(post.id, { ...post });
    Object.assign(post, { name: DELETED_REPLACEMENT_TEXT, body: DELETED_REPLACEMENT_TEXT, url: null, imageSeed: null, deleted: true });
    if (state.servesV4) post.thumbnailUrl = undefined;
  }
  for (const comment of state.comments.values()) {
    if (comment.creatorId === personId) Object.assign(comment, { content: DELETED_REPLACEMENT_TEXT, deleted: true });
  }
  return true;
}
