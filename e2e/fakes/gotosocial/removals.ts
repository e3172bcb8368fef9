/**
 * What GoToSocial really deletes (superseriousbusiness/gotosocial, internal/processing/account/delete.go): an admin
 * suspension runs the account delete side effects in the background: the account's statuses and their media
 * attachments (files included) are deleted, and the account row is kept as a suspended "stub" (stubbifyAccount:
 * display name, bio, avatar and header cleared). A domain block suspends every account of the domain the same way.
 * media_cleanup only un-caches REMOTE files older than N days: the posts stay and GoToSocial fetches a pruned file
 * again from its origin when someone requests it (docs/advanced/caching/assets-media.md); the fake's origins are not
 * reachable, so a pruned file stays 404 here.
 */
import type { FakeAccount, FakeMedia } from './entities';
import type { FakeState } from './state';

export function suspendAndDelete(state: FakeState, account: FakeAccount): void {
  for (const [id, status] of state.statuses) {
    if (status.accountId !== account.id) continue;
    state.statuses.delete(id);
  }
  for (const [id, media] of state.media) {
    if (media.accountId !== account.id) continue;
    state.media.delete(id);
    state.removedMedia.set(id, media);
  }
  account.suspended = true;
  account.displayName = '';
}

/** The file a /fileserver URL names while the server (or, under keep-serving, the cache in front of it) has it. */
export function servableMedia(state: FakeState, id: string): FakeMedia | undefined {
  const live = state.media.get(id);
  if (live?.cached) return live;
  if (!state.removal.keepServing) return undefined;
  return live ?? state.removedMedia.get(id);
}

/** Removal calls as GoToSocial's API knows them: suspensions, domain blocks, media cleanups. */
export function isRemovalCall(method: string, path: string): boolean {
  if (method !== 'POST') return false;
  return /^\/api\/v1\/admin\/accounts\/[0-9A-Z]{26}\/action$/.test(path) ||
    path === '/api/v1/admin/domain_blocks' || path === '/api/v1/admin/media_cleanup';
}
