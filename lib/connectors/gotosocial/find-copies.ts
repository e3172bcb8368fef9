/**
 * findCopies on GoToSocial, reading only the instance's own database (checked in superseriousbusiness/gotosocial,
 * internal/processing/search/get.go): GET /api/v2/search with resolve=false and a URL as q goes to byURI →
 * statusByURI, which with resolve false only queries the database, first by the status's ActivityPub URI, then by
 * its web URL (GetStatusByURI, GetStatusByURL). With resolve=true the same call dereferences the URL from the origin
 * (federator.GetStatusByURI): never used. One request per lookup.
 * GoToSocial has no lookup of a file by its origin URL, so a copy re-posted under another post is not found here.
 */
import type { CopyLookupResult, CopyQuery } from '../types';
import { matchStatuses, parseStatusList } from '../mastodon/copy-match';
import { gtsSearchSchema } from './api-types';
import type { GoToSocialClient } from './client';
import { parseRemote } from './parse-remote';

export async function findCopiesGoToSocial(client: GoToSocialClient, query: CopyQuery): Promise<CopyLookupResult> {
  const target = query.originUri ?? query.originUrl;
  if (!target || !/^https?:\/\//i.test(target)) {
    return {
      status: 'cannot_check',
      reason: 'GoToSocial can look a post up without fetching only by its URI or URL, and the origin post is unknown.',
    };
  }
  // type=statuses: an account whose URL happened to equal q would otherwise win and end the search.
  const res = await client.get('/api/v2/search', { q: target, resolve: false, type: 'statuses', limit: 5 });
  const found = parseRemote(gtsSearchSchema, res.data, 'search result');
  const statuses = parseStatusList(found.statuses ?? [], 'GoToSocial', 'search statuses');
  // The server's answer is not trusted: only a status that is provably the origin post (or carries its file) counts.
  const copies = matchStatuses(statuses, query);
  return { status: 'checked', copies, checked: `Searched this instance's stored posts for ${target} (no fetching).` };
}
