/**
 * GoToSocial's search and account lookup (internal/processing/search), and the fetching "trap":
 * - GET /api/v2/search: a URL is looked up as an account, then as a status, by ActivityPub URI then web URL. With
 *   resolve=false that is a database lookup only; with resolve=true GoToSocial dereferences the URL (and a remote
 *   namestring through webfinger), which FETCHES from the other server: the fake records those in
 *   state.remoteFetches and then answers with what it holds, as after a refresh.
 * - GET /api/v1/accounts/lookup: never resolves ("never resolve!" in lookup.go), 404 when the account is unknown.
 */
import { HttpError, str, truthy } from '../mastodon/http';
import type { FakeAccount } from './entities';
import type { Ctx, Route } from './route-types';
import { serializeAccount, serializeStatus } from './serialize';
import type { FakeState } from './state';
import { recordRead } from '../mastodon/read-record';

const NAMESTRING = /^@?([^@\s]+)(?:@([^@\s]+))?$/;

function byNamestring(state: FakeState, q: string): { account: FakeAccount | undefined; remote: boolean } | null {
  const m = NAMESTRING.exec(q);
  if (!m) return null;
  const domain = !m[2] || m[2].toLowerCase() === state.domain ? null : m[2].toLowerCase();
  const account = [...state.accounts.values()].find((a) => a.username.toLowerCase() === m[1].toLowerCase() && a.domain === domain);
  return { account, remote: domain !== null };
}

function recordFetch(state: FakeState, target: string): void {
  state.remoteFetches.push({ at: new Date().toISOString(), endpoint: 'GET /api/v2/search', target });
}

function search({ state, query }: Ctx) {
  recordRead(state.reads, '/api/v2/search', query);
  const q = (str(query.q) ?? '').trim();
  if (!q) throw new HttpError(400, 'Bad Request: required key q was not set or invalid');
  const type = str(query.type) ?? '';
  const resolve = truthy(query.resolve);
  const results = { accounts: [] as unknown[], statuses: [] as unknown[], hashtags: [] as unknown[] };
  const visible = [...state.statuses.values()].filter((s) => !state.accounts.get(s.accountId)?.suspended);
  if (/^https?:\/\//i.test(q)) {
    if (resolve && new URL(q).host !== new URL(state.baseUrl).host) recordFetch(state, q);
    const account = type === '' || type === 'accounts'
      ? [...state.accounts.values()].find((a) => serializeAccount(state, a).uri === q) : undefined;
    if (account) results.accounts.push(serializeAccount(state, account));
    else if (type === '' || type === 'statuses') {
      const status = visible.find((s) => { const j = serializeStatus(state, s); return j.uri === q || j.url === q; });
      if (status) results.statuses.push(serializeStatus(state, status));
    }
    return { json: results };
  }
  const named = q.includes('@') ? byNamestring(state, q) : null;
  if (named) {
    if (resolve && named.remote) recordFetch(state, q.replace(/^@/, ''));
    if (named.account && (type === '' || type === 'accounts')) results.accounts.push(serializeAccount(state, named.account));
  }
  // Free text: GoToSocial searches only the requester's own posts and mentions of it, none of which the fake holds.
  return { json: results };
}

function lookup({ state, query }: Ctx) {
  const acct = (str(query.acct) ?? '').trim();
  if (!acct) throw new HttpError(400, 'Bad Request: search query was empty string after trimming space');
  const named = byNamestring(state, acct);
  if (!named) throw new HttpError(400, "Bad Request: bad search query, must in the form '[username]' or '[username]@[domain]");
  if (!named.account) throw new HttpError(404, `Not Found: @${acct.replace(/^@/, '')} not found`);
  return { json: serializeAccount(state, named.account) };
}

export const searchRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/v2\/search$/, scope: 'read:search', handler: search },
  { method: 'GET', pattern: /^\/api\/v1\/accounts\/lookup$/, scope: 'read:accounts', handler: lookup },
];
