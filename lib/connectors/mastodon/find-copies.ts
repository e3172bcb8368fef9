/**
 * findCopies on Mastodon, reading only the instance's own database (checked in mastodon/mastodon):
 * - GET /api/v2/search with resolve=false does NOT look a URL up at all (SearchService#url_query? requires resolve;
 *   without it the URL goes to full-text search, which needs Elasticsearch and never matches a post's URI). With
 *   resolve=true it calls ResolveURLService, which fetches the URL from the origin: never used.
 * - GET /api/v1/accounts/lookup?acct= runs ResolveAccountService with skip_webfinger: true (Api::V1::Accounts::
 *   LookupController): a database lookup, 404 when the instance does not know the account.
 * - GET /api/v1/accounts/:id/statuses?only_media=true (Api::V1::Accounts::StatusesController) pages the account's
 *   stored posts; it never fetches the remote outbox.
 * So a copy is found through its author: look the origin account up, then read at most two pages (80 posts) of its
 * media posts and keep the one whose uri is the origin post's, or whose file's remote_url is the origin file's.
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import type { CopyLookupResult, CopyQuery } from '../types';
import { idSchema } from './api-types';
import type { MastodonClient } from './client';
import { matchStatuses, parseStatusList } from './copy-match';
import { parseRemote } from './parse-remote';

const PAGE = 40; // Mastodon's maximum for account statuses
const MAX_PAGES = 2;
const lookupSchema = z.object({ id: idSchema });

export async function findCopiesMastodon(client: MastodonClient, query: CopyQuery): Promise<CopyLookupResult> {
  const acct = query.originAccount?.acct.replace(/^@/, '') ?? '';
  if (!/^[^@\s]+@[^@\s]+$/.test(acct)) {
    return {
      status: 'cannot_check',
      reason: 'Mastodon can look a post up without fetching only through its author\'s account, and the origin account is unknown.',
    };
  }
  let accountId: string;
  try {
    accountId = parseRemote(lookupSchema, (await client.get('/api/v1/accounts/lookup', { acct })).data, 'account').id;
  } catch (e) {
    // 404 = the instance has never seen the account, so it holds none of its posts.
    if (isAppError(e) && e.code === 'not_found') return { status: 'checked', copies: [], checked: `No account ${acct} on this instance.` };
    throw e;
  }
  let maxId: string | undefined;
  let read = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.get(`/api/v1/accounts/${accountId}/statuses`, { only_media: true, limit: PAGE, max_id: maxId });
    const statuses = parseStatusList(res.data, 'Mastodon', `statuses of ${acct}`);
    read += statuses.length;
    const copies = matchStatuses(statuses, query);
    if (copies.length > 0) return { status: 'checked', copies, checked: checkedText(acct, read) };
    const next = res.links.next?.max_id;
    if (!next || statuses.length < PAGE || next === maxId) break;
    maxId = next;
  }
  return { status: 'checked', copies: [], checked: checkedText(acct, read) };
}

function checkedText(acct: string, read: number): string {
  return `Looked up ${acct} and read its ${read} newest stored media post${read === 1 ? '' : 's'}.`;
}
