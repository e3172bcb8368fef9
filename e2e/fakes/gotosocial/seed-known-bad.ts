/**
 * The fake's federated copy of the shared known-bad post (../federation/known-bad.ts), stored the way GoToSocial
 * stores a remote post: the remote account spreader@spreader.test, a status whose uri/url are the origin's, and one
 * image whose remote_url is the origin file while `url` is this instance's cached copy under /fileserver.
 */
import { KNOWN_BAD, KNOWN_BAD_SEED, type FederatedCopyOptions } from '../federation/known-bad';
import type { FakeStatus } from './entities';
import { addAccount } from './seed';
import type { FakeState } from './state';

export function seedKnownBad(state: FakeState, opts: FederatedCopyOptions, bytes: Buffer): FakeStatus {
  const account = addAccount(state, {
    username: KNOWN_BAD.account.username, domain: KNOWN_BAD.originDomain, displayName: KNOWN_BAD.account.displayName,
  });
  const rotated = opts.variant === 'reencoded-rotated';
  const createdAt = KNOWN_BAD.post.createdAt;
  const mediaId = state.nextId();
  state.media.set(mediaId, {
    id: mediaId, accountId: account.id, imageSeed: KNOWN_BAD_SEED, createdAt, cached: true,
    width: rotated ? KNOWN_BAD.media.height : KNOWN_BAD.media.width,
    height: rotated ? KNOWN_BAD.media.width : KNOWN_BAD.media.height,
    remoteUrl: KNOWN_BAD.media.originUrl, bytes, format: rotated ? 'jpeg' : 'png',
  });
  const status: FakeStatus = {
    id: state.nextId(), accountId: account.id, content: KNOWN_BAD.post.contentHtml, createdAt, mediaIds: [mediaId],
    uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url,
  };
  state.statuses.set(status.id, status);
  if (opts.reported) {
    const at = new Date(Date.parse(createdAt) + 3_600_000).toISOString();
    const id = state.nextId();
    state.reports.set(id, {
      id, createdAt: at, updatedAt: at, category: 'other', comment: KNOWN_BAD.reportComment, forwarded: false,
      reporterId: state.reporterIds[0], targetId: account.id, statusIds: [status.id], ruleIds: [],
      actionTakenAt: null, actionTakenById: null, actionTakenComment: null,
    });
  }
  return status;
}
