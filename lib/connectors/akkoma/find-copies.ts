/**
 * Copy lookups on Pleroma/Akkoma (issue 9), using only calls that read this server's own database:
 * - GET /api/v1/pleroma/admin/users?query=<user@domain>&filters=external: AdminAPI.Search → User.Query, an ILIKE on
 *   nickname/name in the users table (the connector keeps only the exact nickname).
 * - GET /api/v1/pleroma/admin/users/<FlakeId>/statuses?godmode=true: the account's stored posts, with each post's
 *   ActivityPub id (`uri`) and each attachment's origin URL (`remote_url`).
 * The second call takes the account's FlakeId, never its nickname: User.get_cached_by_nickname_or_id falls back to
 * get_or_fetch_by_nickname, which resolves an unknown remote nickname by WebFinger (lib/pleroma/user.ex).
 * Never used: /api/v2/search. Pleroma.Search.DatabaseSearch.maybe_fetch calls Fetcher.fetch_object_from_id for any
 * query containing http(s):, whatever `resolve` says, so a search by URI or URL can make the server fetch it.
 * Akkoma usually does not store remote files (the media proxy caches them): what is found is the post and the
 * attachment's proxied URL. At most two requests per lookup.
 */
import type { CopyLookupResult, CopyQuery, FoundCopy } from '../types';
import { adminUserListSchema, adminUserSchema, adminUserStatusesSchema, statusSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { parseRemote } from './parse';
import type { z } from 'zod';

const ACCT = /^@?([A-Za-z0-9_.-]{1,128})@([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)$/;
/** The newest posts of the account are read; a spreader's older posts would need paging (not done: rate limits). */
const PAGE_SIZE = 100;

type Status = z.infer<typeof statusSchema>;

export async function findAkkomaCopies(client: AkkomaClient, query: CopyQuery): Promise<CopyLookupResult> {
  const acct = query.originAccount ? ACCT.exec(query.originAccount.acct.trim()) : null;
  if (!acct) {
    return {
      status: 'cannot_check',
      reason: 'Akkoma can only look up a copy through the origin account: its search fetches any URL it does not hold, even without resolve.',
    };
  }
  const nickname = `${acct[1]}@${acct[2]}`;
  const checked = `Asked Akkoma for the account ${nickname} and, if known, its latest ${PAGE_SIZE} posts for the origin post or file.`;
  const list = parseRemote(adminUserListSchema, await client.request('GET', `${ADMIN}/users`, { query: { query: nickname, filters: 'external', page: 1, page_size: 50 } }), 'user list');
  const user = list.users.map((u) => adminUserSchema.safeParse(u)).find((u) => u.success && u.data.nickname.toLowerCase() === nickname.toLowerCase())?.data;
  if (!user) return { status: 'checked', copies: [], checked };
  const raw = parseRemote(adminUserStatusesSchema, await client.request('GET', `${ADMIN}/users/${user.id}/statuses`, {
    query: { godmode: 'true', with_reblogs: 'false', page: 1, page_size: PAGE_SIZE },
  }), 'status list');
  const statuses = raw.flatMap((s) => {
    const parsed = statusSchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
  const copies: FoundCopy[] = [];
  for (const s of statuses) {
    const copy = toCopy(client.baseUrl, user.nickname, s, query);
    if (copy) copies.push(copy);
  }
  return { status: 'checked', copies, checked };
}

/** The origin post itself (same uri), or another post of the account carrying a file from the origin URL. */
function toCopy(baseUrl: string, nickname: string, s: Status, query: CopyQuery): FoundCopy | null {
  const attachments = s.media_attachments ?? [];
  const sameFile = attachments.find((m) => m.remote_url && query.originMediaUrls.includes(m.remote_url));
  const byUri = query.originUri !== null && s.uri === query.originUri;
  if (!byUri && !sameFile) return null;
  const media = sameFile ?? attachments[0] ?? null;
  return {
    postId: s.id, postUrl: `${baseUrl}/notice/${s.id}`, postUri: s.uri ?? null,
    mediaId: media?.id ?? null, mediaUrl: media?.url ?? null, originMediaUrl: media?.remote_url ?? null,
    account: { remoteId: nickname, acct: s.account?.acct || nickname },
    foundBy: byUri ? 'origin_uri' : 'media_url',
  };
}
