/** Pure mapping from parsed Misskey entities to the connector's normalized types. No I/O. */
import type { RemoteAccount, RemoteMedia, RemoteMediaType, RemoteNote, RemoteReport, RemoteStatus } from '../types';
import { driveFileSchema, type MisskeyDriveFile, type MisskeyNote, type MisskeyReport, type MisskeyUser } from './api-types';

export function mapUser(u: MisskeyUser, baseUrl: string): RemoteAccount {
  const domain = u.host || null;
  return {
    remoteId: u.id,
    username: u.username,
    acct: domain ? `${u.username}@${domain}` : u.username,
    displayName: u.name ?? '',
    // Misskey sends `url` only for remote users; a local profile lives at /@username.
    url: u.url || (domain ? u.uri ?? null : `${baseUrl}/@${u.username}`),
    avatarUrl: u.avatarUrl ?? null,
    domain,
    // Contract I1: the short "UserLite" form has no createdAt, isSuspended or isSilenced; absent means unknown.
    createdAt: u.createdAt,
    suspended: u.isSuspended ?? undefined,
    silenced: u.isSilenced ?? undefined,
  };
}

/** Drive files carry a MIME type; Misskey has no gifv (animated GIFs stay images). */
export function mediaType(mime: string): RemoteMediaType {
  const top = mime.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'unknown';
}

/**
 * A file without a URL (e.g. purged from the cache) cannot be fetched and is dropped. The remoteId is the drive
 * file id, which is what drive/files/delete takes (media.delete): remote users' files are local drive rows too.
 */
export function mapDriveFile(f: MisskeyDriveFile): RemoteMedia | null {
  if (!f.url) return null;
  return {
    remoteId: f.id,
    type: mediaType(f.type),
    url: f.url,
    previewUrl: f.thumbnailUrl || null,
    remoteUrl: null, // packed drive files do not expose the origin URL
    description: f.comment ?? null,
    meta: { ...(f.properties ?? {}), ...(f.isSensitive ? { sensitive: true } : {}) },
  };
}

/** Note text is MFM, not HTML: it is escaped so the contentHtml contract (HTML, sanitized later) holds. */
export function mapNote(n: MisskeyNote, baseUrl: string): RemoteStatus {
  const media: RemoteMedia[] = [];
  for (const raw of n.files ?? []) {
    const parsed = driveFileSchema.safeParse(raw);
    const m = parsed.success ? mapDriveFile(parsed.data) : null;
    if (m) media.push(m);
  }
  const local = `${baseUrl}/notes/${n.id}`;
  return {
    remoteId: n.id,
    url: n.url || n.uri || local,
    uri: n.uri || local,
    contentHtml: escapeHtml(n.text ?? '').replace(/\n/g, '<br>'),
    spoilerText: n.cw ?? '',
    sensitive: Boolean(n.cw) || media.some((m) => m.meta?.sensitive === true),
    visibility: n.visibility ?? null,
    createdAt: n.createdAt ?? null,
    media,
  };
}

/** Misskey reports have no category ("other") and no rules; linked notes are fetched separately. */
export function mapReport(r: MisskeyReport, baseUrl: string, statuses: RemoteStatus[] = []): RemoteReport {
  return {
    remoteId: r.id,
    category: 'other',
    comment: r.comment ?? '',
    createdAt: r.createdAt,
    updatedAt: null,
    resolved: r.resolved,
    resolvedAt: null, // Misskey does not record when a report was resolved
    forwarded: r.forwarded ?? false,
    reporter: r.reporter ? mapUser(r.reporter, baseUrl) : null,
    target: mapUser(r.targetUser, baseUrl),
    assignee: r.assignee ? mapUser(r.assignee, baseUrl) : null,
    statuses,
    rules: [],
    ...notesField(r.moderationNote),
  };
}

/**
 * Misskey keeps one free-text moderation note per report (no author, no time), so it becomes at most one note.
 * An empty note is no note; a missing field (a server before 2024.10, or a partial payload) leaves `notes` out,
 * so nothing is claimed about notes the server did not send.
 */
function notesField(moderationNote: string | null | undefined): { notes?: RemoteNote[] } {
  if (moderationNote === null || moderationNote === undefined) return {};
  return { notes: moderationNote.trim() ? [{ remoteId: null, author: null, text: moderationNote, createdAt: null }] : [] };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
