/** Packs fake records into the JSON shapes Misskey serves (UserDetailed, Note with files, AbuseUserReport). */
import type { FakeDriveFile, FakeNote, FakeReport, FakeUser } from './entities';
import type { FakeMisskeyState } from './state';

export function packUser(state: FakeMisskeyState, u: FakeUser) {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    host: u.host,
    avatarUrl: `${state.baseUrl}/identicon/${u.id}`,
    createdAt: u.createdAt,
    url: u.host ? `https://${u.host}/@${u.username}` : null,
    uri: u.host ? u.uri ?? `https://${u.host}/users/${u.id}` : null,
    isSuspended: u.isSuspended,
    isModerator: u.isModerator,
    isAdmin: u.isAdmin,
  };
}

export function packFile(state: FakeMisskeyState, f: FakeDriveFile) {
  return {
    id: f.id,
    createdAt: f.createdAt,
    name: f.name,
    type: f.type,
    size: 1024,
    isSensitive: f.isSensitive,
    properties: { width: f.width, height: f.height },
    url: fileUrl(state, f),
    thumbnailUrl: f.isLink ? null : `${state.baseUrl}/files/${f.id}?thumbnail=1`,
    comment: f.comment,
    userId: f.userId,
  };
}

/** A remote file that is not cached (isLink) keeps the origin URL in its url column; cached ones are served here. */
export function fileUrl(state: FakeMisskeyState, f: FakeDriveFile): string {
  return f.isLink && f.uri ? f.uri : `${state.baseUrl}/files/${f.id}`;
}

/** admin/drive/show-file's raw row: the packed fields plus uri, isLink, userHost, src and the storage flags. */
export function packFileAdmin(state: FakeMisskeyState, f: FakeDriveFile) {
  const owner = state.users.get(f.userId);
  const packed = packFile(state, f);
  return {
    ...packed,
    userHost: owner?.host ?? null,
    isLink: f.isLink ?? false,
    uri: f.uri ?? null,
    src: f.uri ?? null,
    webpublicUrl: null,
    storedInternal: !f.isLink,
    md5: '0'.repeat(32),
    requestIp: null,
    requestHeaders: null,
  };
}

export function packNote(state: FakeMisskeyState, n: FakeNote) {
  const user = state.users.get(n.userId);
  return {
    id: n.id,
    createdAt: n.createdAt,
    userId: n.userId,
    user: user ? packUser(state, user) : null,
    text: n.text,
    cw: n.cw,
    visibility: n.visibility,
    fileIds: n.fileIds,
    files: n.fileIds.map((id) => state.files.get(id)).filter((f): f is FakeDriveFile => Boolean(f)).map((f) => packFile(state, f)),
    // Local notes carry no uri/url in Misskey (the client builds /notes/<id>); remote notes keep the origin's.
    uri: n.uri ?? null,
    url: n.url ?? null,
    ...(n.tags && n.tags.length > 0 ? { tags: n.tags } : {}),
    renoteId: n.renoteId ?? null,
  };
}

export function packReport(state: FakeMisskeyState, r: FakeReport): Record<string, unknown> {
  const user = (id: string | null) => {
    const u = id ? state.users.get(id) : undefined;
    return u ? packUser(state, u) : null;
  };
  const packed: Record<string, unknown> = {
    id: r.id,
    createdAt: r.createdAt,
    comment: r.comment,
    resolved: r.resolved,
    resolvedAs: r.resolvedAs,
    reporterId: r.reporterId,
    targetUserId: r.targetUserId,
    assigneeId: r.assigneeId,
    reporter: user(r.reporterId),
    targetUser: user(r.targetUserId),
    assignee: user(r.assigneeId),
    forwarded: r.forwarded,
    moderationNote: r.moderationNote,
  };
  // Test hook: a report a broken server might send, so the client's skip path can be exercised.
  const malform = state.malformed.get(r.id);
  if (malform === 'missing_target') delete packed.targetUser;
  if (malform === 'id_object') packed.id = { oops: r.id };
  return packed;
}
