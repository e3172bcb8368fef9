/**
 * Copy lookups on Misskey (issue 9), using only calls that read this server's own database (misskey-dev/misskey
 * packages/backend/src/server/api/endpoints/…):
 * - admin/show-users {origin: 'remote', username, hostname}: a LIKE query on the user table (username prefix,
 *   host substring), so the connector keeps only the exact user@host.
 * - users/notes {userId, withFiles}: the user's notes as stored; remote notes carry the origin's `uri` and `url`.
 * - admin/drive/show-file {fileId | url}: the raw drive_file row with `uri` (the origin URL) and `isLink`. By url it
 *   matches the url, thumbnailUrl and webpublicUrl columns only, so it finds a remote file by its origin URL only
 *   when the file is linked, not cached (a linked file's url IS the origin URL).
 * Never used: ap/show (ApResolverService fetches any URI it does not hold) and users/show {username, host}
 * (RemoteUserResolveService resolves an unknown user by WebFinger). At most three requests per lookup.
 */
import type { CopyLookupResult, CopyQuery, FoundCopy } from '../types';
import { AppError } from '../../errors';
import { adminDriveFileSchema, driveFileSchema, noteSchema, userSchema, type MisskeyAdminDriveFile, type MisskeyNote, type MisskeyUser } from './api-types';
import type { MisskeyClient } from './client';
import { parseRemote } from './parse-remote';
import { z } from 'zod';

const list = z.array(z.unknown());
const ACCT = /^@?([A-Za-z0-9_.-]{1,128})@([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)$/;

export async function findMisskeyCopies(client: MisskeyClient, query: CopyQuery): Promise<CopyLookupResult> {
  const acct = query.originAccount ? ACCT.exec(query.originAccount.acct.trim()) : null;
  const fileUrl = query.originMediaUrls[0] ?? null;
  if (!acct && !fileUrl) return { status: 'cannot_check', reason: 'Misskey can only look up a copy by the origin account or the origin file URL; this item has neither.' };
  const asked: string[] = [];
  let copy: FoundCopy | null = null;
  if (acct) {
    const [, username, host] = acct;
    asked.push(`the account ${username}@${host}`);
    const user = await findUser(client, username, host);
    const note = user && query.originUri ? await findNote(client, user, query.originUri) : null;
    if (user && query.originUri) asked.push('its latest 100 notes with files for the origin post');
    if (user && note) copy = await noteCopy(client, user, note);
  }
  if (!copy && fileUrl) {
    asked.push('the drive for a linked file at the origin file URL');
    copy = await linkedFileCopy(client, fileUrl, query);
  }
  return { status: 'checked', copies: copy ? [copy] : [], checked: `Asked Misskey for ${asked.join(', then ')}.` };
}

async function findUser(client: MisskeyClient, username: string, host: string): Promise<MisskeyUser | null> {
  const raw = parseRemote(list, await client.call('admin/show-users', { origin: 'remote', username, hostname: host, limit: 100 }, { read: true }), 'user list');
  for (const item of raw) {
    const u = userSchema.safeParse(item);
    if (u.success && u.data.username.toLowerCase() === username.toLowerCase() && (u.data.host ?? '').toLowerCase() === host.toLowerCase()) return u.data;
  }
  return null;
}

async function findNote(client: MisskeyClient, user: MisskeyUser, uri: string): Promise<MisskeyNote | null> {
  const raw = await notFoundIsNull(() => client.call('users/notes', { userId: user.id, withFiles: true, limit: 100 }, { read: true }));
  if (raw === null) return null;
  for (const item of parseRemote(list, raw, 'note list')) {
    const n = noteSchema.safeParse(item);
    if (n.success && n.data.uri === uri) return n.data;
  }
  return null;
}

async function noteCopy(client: MisskeyClient, user: MisskeyUser, note: MisskeyNote): Promise<FoundCopy> {
  const first = (note.files ?? []).map((f) => driveFileSchema.safeParse(f)).find((f) => f.success)?.data ?? null;
  // The packed file has no origin URL; the admin view of the same row does.
  const file = first ? await showFile(client, { fileId: first.id }) : null;
  return {
    postId: note.id, postUrl: `${client.baseUrl}/notes/${note.id}`, postUri: note.uri ?? null,
    mediaId: first?.id ?? null, mediaUrl: first?.url ?? null, originMediaUrl: file?.uri ?? null,
    account: { remoteId: user.id, acct: `${user.username}@${user.host}` }, foundBy: 'origin_uri',
  };
}

async function linkedFileCopy(client: MisskeyClient, url: string, query: CopyQuery): Promise<FoundCopy | null> {
  const file = await showFile(client, { url });
  if (!file || !(file.uri === url || file.url === url)) return null;
  const host = query.originAccount?.acct.split('@').pop()?.toLowerCase();
  return {
    postId: null, postUrl: null, postUri: null, mediaId: file.id, mediaUrl: file.url ?? null, originMediaUrl: file.uri ?? url,
    account: file.userHost && file.userHost.toLowerCase() === host && query.originAccount ? { remoteId: file.userId ?? null, acct: query.originAccount.acct.replace(/^@/, '') } : null,
    foundBy: 'media_url',
  };
}

async function showFile(client: MisskeyClient, params: { fileId: string } | { url: string }): Promise<MisskeyAdminDriveFile | null> {
  const raw = await notFoundIsNull(() => client.call('admin/drive/show-file', params, { read: true }));
  return raw === null ? null : parseRemote(adminDriveFileSchema, raw, 'drive file');
}

/** NO_SUCH_FILE / NO_SUCH_USER mean "not held here", which is an answer, not a failure. */
async function notFoundIsNull(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
}
