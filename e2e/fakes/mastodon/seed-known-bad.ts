/**
 * The fake's federated copy of the shared known-bad post (../federation/known-bad.ts), stored the way Mastodon stores
 * a remote post: the remote account spreader@spreader.test, a status whose uri/url are the origin's, and one image
 * whose remote_url is the origin file while `url` is this instance's cached copy under /system/media_attachments.
 */
import { KNOWN_BAD, KNOWN_BAD_SEED, type FederatedCopyOptions } from '../federation/known-bad';
import type { FakeMedia, FakeReport, FakeStatus } from './entities';
import { addAccount } from './seed';
import type { FakeState } from './state';

export function seedKnownBad(state: FakeState, opts: FederatedCopyOptions, bytes: Buffer): FakeStatus {
  const account = addAccount(state, KNOWN_BAD.account.username, KNOWN_BAD.originDomain);
  account.displayName = KNOWN_BAD.account.displayName;
  const rotated = opts.variant === 'reencoded-rotated';
  const media: FakeMedia = {
    id: state.nextSnowflake(),
    accountId: account.id,
    type: 'image',
    format: rotated ? 'jpeg' : 'png',
    width: rotated ? KNOWN_BAD.media.height : KNOWN_BAD.media.width,
    height: rotated ? KNOWN_BAD.media.width : KNOWN_BAD.media.height,
    imageSeed: KNOWN_BAD_SEED,
    description: KNOWN_BAD.media.description,
    remoteUrl: KNOWN_BAD.media.originUrl,
    bytes,
  };
  state.media.set(media.id, media);
  const status: FakeStatus = {
    id: state.nextSnowflake(),
    accountId: account.id,
    contentHtml: KNOWN_BAD.post.contentHtml,
    spoilerText: '',
    sensitive: true,
    visibility: 'public',
    createdAt: KNOWN_BAD.post.createdAt,
    media: [media],
    uri: KNOWN_BAD.post.uri,
    url: KNOWN_BAD.post.url,
  };
  state.statuses.set(status.id, status);
  if (opts.reported) state.reports.set(...reportEntry(state, account.id, status.id));
  return status;
}

function reportEntry(state: FakeState, targetId: string, statusId: string): [string, FakeReport] {
  const createdAt = new Date(Date.parse(KNOWN_BAD.post.createdAt) + 3_600_000).toISOString();
  const report: FakeReport = {
    id: state.nextReportId(), category: 'other', comment: KNOWN_BAD.reportComment, forwarded: false, createdAt,
    updatedAt: createdAt, reporterId: state.reporterIds[0], targetId, assignedId: null, actionTakenById: null,
    actionTakenAt: null, statusIds: [statusId], ruleIds: [],
  };
  return [report.id, report];
}
