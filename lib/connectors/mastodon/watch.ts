/** Mastodon's watch-list reads (issue 14): the shared Mastodon-API readers over this connector's client. */
import type { Connector } from '../types';
import { accountSchema } from './api-types';
import type { MastodonClient } from './client';
import { mapPublicAccount } from './watch-mapper';
import { readKeywordPosts, readRecentPosts, readTagPosts, type WatchSource } from './watch-posts';

export function mastodonWatchSource(client: MastodonClient): WatchSource<typeof accountSchema> {
  return {
    service: 'Mastodon',
    account: accountSchema,
    mapAccount: mapPublicAccount,
    get: async (path, query) => (await client.get(path, query)).data,
  };
}

export function mastodonWatch(client: MastodonClient): Pick<Connector, 'listRecentPosts' | 'searchPosts'> {
  const src = mastodonWatchSource(client);
  return {
    listRecentPosts: (input) => readRecentPosts(src, input),
    searchPosts: (input) => (input.kind === 'hashtag' ? readTagPosts(src, input) : readKeywordPosts(src, input)),
  };
}
