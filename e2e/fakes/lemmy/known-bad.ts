/**
 * The fake Lemmy's federated copy of the shared known-bad post (../federation/known-bad.ts), recorded as Lemmy
 * records a remote image post: the remote person (local false, its ActivityPub id), a post whose ap_id is the
 * origin's and whose url is the ORIGIN's file URL (Lemmy keeps the link), and a thumbnail_url on this instance's
 * pict-rs, which the fake serves with the known-bad bytes. The report mapper fetches that thumbnail (mapper.ts).
 */
import { KNOWN_BAD, type FederatedCopyOptions } from '../federation/known-bad';
import type { FakeLemmyState } from './state';

export function knownBadThumbnailPath(state: FakeLemmyState): string {
  return `/pictrs/image/known-bad.${state.knownBadVariant === 'reencoded-rotated' ? 'jpg' : 'png'}`;
}

export function seedKnownBad(state: FakeLemmyState, opts: FederatedCopyOptions): { postId: number; personId: number } {
  state.knownBadVariant = opts.variant ?? 'original';
  const personId = state.nextId('person');
  state.persons.set(personId, {
    id: personId, name: KNOWN_BAD.account.username, domain: KNOWN_BAD.originDomain, banned: false, admin: false, deleted: false,
    actorId: KNOWN_BAD.account.uri,
  });
  const postId = state.nextId('post');
  state.posts.set(postId, {
    id: postId, creatorId: personId, name: 'Synthetic known-bad test pattern', body: null, url: KNOWN_BAD.media.originUrl,
    imageSeed: null, removed: false, deleted: false, published: KNOWN_BAD.post.createdAt, apId: KNOWN_BAD.post.uri,
    thumbnailUrl: state.baseUrl + knownBadThumbnailPath(state),
  });
  if (opts.reported) {
    const id = state.nextId('report:post');
    state.reports.set(`post:${id}`, { type: 'post', id, creatorId: 2, objectId: postId, reason: KNOWN_BAD.reportComment, resolved: false, published: state.tick() });
  }
  return { postId, personId };
}
