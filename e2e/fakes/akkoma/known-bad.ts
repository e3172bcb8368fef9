/**
 * The fake Akkoma's federated copy of the shared known-bad post (../federation/known-bad.ts), recorded the way
 * Akkoma records a remote post: the remote user spreader@spreader.test (nickname with the domain), a status whose
 * uri/url are the origin's, and one attachment whose remote_url is the origin file URL. Akkoma normally does not
 * store remote media: its `url` is the media proxy's, which serves a cached copy; the fake serves that copy itself
 * (GET /media/<id>.png) with the known-bad bytes, so the app can fetch and hash it like any reported media.
 */
import { KNOWN_BAD, type FederatedCopyOptions } from '../federation/known-bad';
import type { FakeStatus } from './entities';
import type { FakeAkkomaState } from './state';

export function seedKnownBad(state: FakeAkkomaState, opts: FederatedCopyOptions): FakeStatus {
  const nickname = KNOWN_BAD.account.acct;
  state.accounts.set(nickname, {
    id: state.nextId('AC'), nickname, displayName: KNOWN_BAD.account.displayName, isActive: true, isAdmin: false, tags: [], createdAt: state.tick(),
  });
  const mediaId = state.nextId('MD');
  state.media.set(mediaId, {
    id: mediaId, imageSeed: 0, width: KNOWN_BAD.media.width, height: KNOWN_BAD.media.height, remoteUrl: KNOWN_BAD.media.originUrl,
    knownBad: opts.variant ?? 'original',
  });
  const status: FakeStatus = {
    id: state.nextId('ST'), nickname, content: KNOWN_BAD.post.contentHtml, sensitive: false, visibility: 'public', createdAt: KNOWN_BAD.post.createdAt,
    mediaIds: [mediaId], uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url,
  };
  state.statuses.set(status.id, status);
  if (opts.reported) {
    const reporter = [...state.accounts.values()].find((a) => !a.nickname.includes('@') && !a.isAdmin)?.nickname ?? state.adminNickname;
    const id = state.nextId('RP');
    state.reports.set(id, {
      id, state: 'open', actor: reporter, account: nickname, content: KNOWN_BAD.reportComment, createdAt: state.tick(), statusIds: [status.id], notes: [],
    });
  }
  return status;
}
