/**
 * The non-admin lookups a copy search may use, as Mastodon 4.x answers them, and the search "trap":
 * - GET /api/v1/accounts/lookup: ResolveAccountService with skip_webfinger, a database lookup (404 when unknown).
 * - GET /api/v1/accounts/:id/statuses: the stored posts an outsider may see (public, unlisted), newest first.
 * - GET /api/v2/search: with resolve=true a URL goes to ResolveURLService and a remote acct to webfinger, both of
 *   which FETCH from the other server: the fake records them in state.remoteFetches. With resolve=false a URL is not
 *   looked up at all (SearchService#url_query?), and statuses need Elasticsearch, which this fake (like most small
 *   instances) does not run unless started with fullTextSearch (search-statuses.ts).
 */
import type { FakeAccount, FakeStatus } from './entities';
import { HttpError, str, truthy, type Params, type Reply } from './http';
import { paginate } from './paginate';
import type { Ctx, Route } from './route-types';
import { serializeAccount } from './serialize-account';
import { serializeStatus } from './serialize-status';
import { acctOf, compareIds, type FakeState } from './state';
import { recordRead } from './read-record';
import { searchStatuses } from './search-statuses';

function splitAcct(state: FakeState, acct: string): { username: string; domain: string | null } {
  const [username, domain] = acct.trim().replace(/^@/, '').split('@');
  return { username: username ?? '', domain: !domain || domain.toLowerCase() === state.domain ? null : domain.toLowerCase() };
}

function findByAcct(state: FakeState, acct: string): FakeAccount | undefined {
  const { username, domain } = splitAcct(state, acct);
  return [...state.accounts.values()].find((a) => a.username.toLowerCase() === username.toLowerCase() && a.domain === domain);
}

function lookup({ state, query }: Ctx) {
  const account = findByAcct(state, str(query.acct) ?? '');
  if (!account) throw new HttpError(404, 'Record not found');
  return { json: serializeAccount(state, account) };
}

function accountStatuses({ state, params, query, selfUrl }: Ctx): Reply {
  const account = state.accounts.get(params[0]);
  if (!account) throw new HttpError(404, 'Record not found');
  // Suspended accounts show no posts; an outsider (the token's account follows nobody) sees public and unlisted ones.
  const visible = account.suspended ? [] : [...state.statuses.values()]
    .filter((s) => s.accountId === account.id && (s.visibility === 'public' || s.visibility === 'unlisted'))
    .filter((s) => !truthy(query.only_media) || s.media.length > 0)
    .sort((a, b) => compareIds(b.id, a.id));
  const page = paginate(visible, query, selfUrl, ['only_media', 'exclude_replies', 'pinned'], 20);
  return { json: page.items.map((s) => serializeStatus(state, s)), headers: page.link ? { Link: page.link } : {} };
}

function recordFetch(state: FakeState, target: string): void {
  state.remoteFetches.push({ at: new Date().toISOString(), endpoint: 'GET /api/v2/search', target });
}

function byUrl(state: FakeState, url: string): FakeStatus | undefined {
  return [...state.statuses.values()].find((s) => {
    const json = serializeStatus(state, s);
    return json.uri === url || json.url === url;
  });
}

function search({ state, query }: Ctx) {
  recordRead(state.reads, '/api/v2/search', query);
  const q = (str(query.q) ?? '').trim();
  const type = str(query.type) ?? '';
  const results: { accounts: unknown[]; statuses: unknown[]; hashtags: unknown[] } = { accounts: [], statuses: [], hashtags: [] };
  if (!q) return { json: results };
  if (truthy(query.resolve) && /^https?:\/\//.test(q)) return { json: resolveUrl(state, q, type, results) };
  if ((type === '' || type === 'accounts') && !q.startsWith('#')) results.accounts = searchAccounts(state, q, truthy(query.resolve), query);
  if ((type === '' || type === 'statuses') && !/^https?:\/\//.test(q)) results.statuses = searchStatuses(state, q, query);
  return { json: results };
}

/** ResolveURLService: a URL that is not this server's own is fetched from its server, then what is stored is shown. */
function resolveUrl(state: FakeState, q: string, type: string, results: { statuses: unknown[] }) {
  if (new URL(q).host !== new URL(state.baseUrl).host) recordFetch(state, q);
  const status = byUrl(state, q);
  if (status && (type === '' || type === 'statuses')) results.statuses = [serializeStatus(state, status)];
  return results;
}

function searchAccounts(state: FakeState, q: string, resolve: boolean, query: Params): unknown[] {
  const limit = Math.min(40, Math.max(1, Number.parseInt(str(query.limit) ?? '20', 10) || 20));
  if (/^@?[^@\s]+@[^@\s]+$/.test(q)) {
    // An acct: a remote one is resolved through webfinger when resolve is on (ResolveAccountService).
    if (resolve && splitAcct(state, q).domain !== null) recordFetch(state, q.replace(/^@/, ''));
    const exact = findByAcct(state, q);
    return exact ? [serializeAccount(state, exact)] : [];
  }
  const needle = q.replace(/^@/, '').toLowerCase();
  return [...state.accounts.values()]
    .filter((a) => acctOf(a).toLowerCase().startsWith(needle) || a.displayName.toLowerCase().startsWith(needle))
    .slice(0, limit)
    .map((a) => serializeAccount(state, a));
}

export const lookupRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/v1\/accounts\/lookup$/, scope: 'read:accounts', handler: lookup },
  { method: 'GET', pattern: /^\/api\/v1\/accounts\/(\d+)\/statuses$/, scope: 'read:statuses', handler: accountStatuses },
  { method: 'GET', pattern: /^\/api\/v2\/search$/, scope: 'read:search', handler: search },
];
