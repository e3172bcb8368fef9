/**
 * Copy lookups on Lemmy, using only searches that read Lemmy's own database (checked against LemmyNet/lemmy):
 * - 0.19 (API v3), crates/apub/src/api/search.rs: GET /api/v3/search?type_=Url is `post.url = q` on the post table
 *   (db_views/src/post_view.rs url_search) and never dereferences anything, logged in or not. 0.19 has no way to find
 *   a post by its ActivityPub id without resolve_object, which fetches from the origin for a logged-in user.
 * - 1.0 (API v4), crates/api/api/src/federation/search.rs: GET /api/v4/search first runs resolve_object_internal on
 *   the search term, which DEREFERENCES it from its origin for a logged-in user but reads only the database for an
 *   anonymous one (search_query_to_object_id_local). So every v4 search here is sent WITHOUT the JWT: its `resolve`
 *   answer finds the post by ap_id, and post_url_only=true matches post.url (after Lemmy's clean_url). (A debug build
 *   of Lemmy resolves remotely even for anonymous users: cfg!(debug_assertions); released builds do not.)
 *   1.0 also serves v3, but its v3 search is that same resolving search, so a v3 connector first reads the version
 *   (GET /api/v3/site) and switches to the anonymous v4 lookup on 1.0.
 * Never used: resolve_object, and user lookups by name@host (webfinger for an unknown account). At most 3 requests.
 */
import { isAppError } from '../../errors';
import { z } from 'zod';
import type { CopyLookupResult, CopyQuery, FoundCopy } from '../types';
import { lemmyApiVersion } from './api-version';
import { V3, V4, type LemmyClient } from './client';
import { dedupeCopies, normalUrl, parseView, toFoundCopy, v3SearchSchema, v4SearchSchema } from './copy-views';
import { parseRemote } from './parse';

const MAX_SEARCHES = 3;
const LIMIT = 50;
const versionSchema = z.object({ version: z.string().max(100) });

export async function findLemmyCopies(client: LemmyClient, query: CopyQuery): Promise<CopyLookupResult> {
  const uri = normalUrl(query.originUri);
  const fileUrls = [...new Set(query.originMediaUrls.map(normalUrl).filter((u): u is string => u !== null))];
  if (client.api === 'v3') {
    const site = parseRemote(versionSchema, await client.request('GET', `${V3}/site`), 'site');
    if (lemmyApiVersion(site.version) === 'v3') return searchV3(client, query, fileUrls.slice(0, MAX_SEARCHES - 1));
  }
  try {
    return await searchV4(client, query, uri, fileUrls);
  } catch (e) {
    // A private instance answers anonymous requests with instance_is_private; logged in, its search could fetch.
    if (isAppError(e) && String(e.details?.remoteError ?? '').startsWith('instance_is_private')) {
      return { status: 'cannot_check', reason: 'This Lemmy instance is private: its search needs a login, and a logged-in search makes Lemmy fetch the searched address from its origin.' };
    }
    throw e;
  }
}

async function searchV3(client: LemmyClient, query: CopyQuery, fileUrls: string[]): Promise<CopyLookupResult> {
  if (fileUrls.length === 0) {
    return { status: 'cannot_check', reason: 'Lemmy 0.19 can only look a post up by the address of its file, and this item has none; finding it by its post address would make Lemmy fetch it.' };
  }
  const copies: FoundCopy[] = [];
  for (const q of fileUrls) {
    const data = await client.request('GET', `${V3}/search`, { query: { q, type_: 'Url', listing_type: 'All', limit: LIMIT } });
    copies.push(...matches(parseRemote(v3SearchSchema, data, 'search result').posts, query, client.baseUrl));
  }
  return { status: 'checked', copies: dedupeCopies(copies), checked: `Searched Lemmy 0.19's posts for ${plural(fileUrls.length, 'file address', 'file addresses')} (Lemmy 0.19 cannot look a post up by its origin address without fetching).` };
}

async function searchV4(client: LemmyClient, query: CopyQuery, uri: string | null, fileUrls: string[]): Promise<CopyLookupResult> {
  const terms = [...new Set([uri, ...fileUrls].filter((t): t is string => t !== null))].slice(0, MAX_SEARCHES);
  if (terms.length === 0) return { status: 'cannot_check', reason: 'This item has no origin address or file address that Lemmy could look up.' };
  const copies: FoundCopy[] = [];
  for (const term of terms) {
    const data = await client.requestAnonymous(`${V4}/search`, { search_term: term, type_: 'posts', post_url_only: true, show_nsfw: true, limit: LIMIT });
    const res = parseRemote(v4SearchSchema, data, 'search result');
    const resolved = res.resolve?.type_ === 'post' ? [res.resolve] : [];
    copies.push(...matches([...resolved, ...(res.posts ?? [])], query, client.baseUrl));
  }
  const files = terms.length - (uri ? 1 : 0);
  const what = [uri ? 'the post\'s origin address' : null, files ? plural(files, 'file address', 'file addresses') : null].filter(Boolean).join(' and ');
  return { status: 'checked', copies: dedupeCopies(copies), checked: `Searched Lemmy's own posts, without logging in so nothing is fetched, for ${what}.` };
}

function matches(items: unknown[], query: CopyQuery, baseUrl: string): FoundCopy[] {
  return items.map(parseView).flatMap((v) => (v ? [toFoundCopy(v, query, baseUrl)] : [])).filter((c): c is FoundCopy => c !== null);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}
