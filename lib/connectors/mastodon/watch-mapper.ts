/** Pure mapping of a watched post (issue 14) to RemotePost. No I/O. */
import type { RemoteAccount } from '../types';
import type { RemotePost } from '../watch-types';
import type { MastodonAccount, MastodonStatus } from './api-types';
import { mapStatus } from './mapper';

/**
 * The public Account entity (not Admin::Account): its id is the same id the admin API uses, so a watched author
 * and a reported one land on the same account row. Local accounts have an acct without '@'.
 */
export function mapPublicAccount(a: MastodonAccount): RemoteAccount {
  const at = a.acct.indexOf('@');
  return {
    remoteId: a.id,
    username: a.username,
    acct: a.acct,
    displayName: a.display_name ?? '',
    url: a.url ?? null,
    avatarUrl: a.avatar ?? null,
    domain: at > 0 ? a.acct.slice(at + 1) : null,
    // Contract I1: a lean payload without created_at says nothing about the account's age (undefined, not null).
    createdAt: a.created_at,
  };
}

/** The status exactly as a reported one is mapped (media included), plus its author and tags. */
export function mapPost<A>(s: MastodonStatus & { tags: string[] }, account: A, mapAccount: (a: A) => RemoteAccount): RemotePost {
  return { ...mapStatus(s), account: mapAccount(account), tags: s.tags, links: [] };
}
