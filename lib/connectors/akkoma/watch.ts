/**
 * Akkoma/Pleroma watch-list reads (issue 14) through its Mastodon-compatible client API (the same readers as
 * Mastodon's: timelines/public, timelines/tag/:tag, v2 search with resolve=false). Pleroma's search works without
 * Elasticsearch (Pleroma.Search.DatabaseSearch, a Postgres full-text query over stored posts).
 * A keyword naming a URL is never searched: DatabaseSearch.maybe_fetch calls Fetcher.fetch_object_from_id for any
 * query containing http(s):, whatever `resolve` says (lib/pleroma/search/database_search.ex), so the server would
 * fetch it from its origin. Link domains are still caught by the feed scan, which reads the hrefs locally.
 */
import { AppError } from '../../errors';
import type { Connector } from '../types';
import { readKeywordPosts, readRecentPosts, readTagPosts, type WatchSource } from '../mastodon/watch-posts';
import { akkomaAccountSchema } from './api-types';
import type { AkkomaClient } from './client';
import { mapAccount } from './mapper';

export function akkomaWatchSource(client: AkkomaClient): WatchSource<typeof akkomaAccountSchema> {
  return {
    service: 'Akkoma',
    account: akkomaAccountSchema,
    // Accounts keyed by nickname, like reports' (mapper.ts): a public view's acct is the nickname.
    mapAccount,
    get: (path, query) => client.request('GET', path, { query }),
  };
}

export function akkomaWatch(client: AkkomaClient): Pick<Connector, 'listRecentPosts' | 'searchPosts'> {
  const src = akkomaWatchSource(client);
  return {
    listRecentPosts: (input) => readRecentPosts(src, input),
    searchPosts: async (input) => {
      if (input.kind === 'hashtag') return readTagPosts(src, input);
      if (/https?:/i.test(input.value)) {
        throw new AppError('unsupported', 'Akkoma search would fetch a URL keyword', {
          userMessage: 'Akkoma fetches any URL it is asked to search for, so a keyword with a link is only matched by the feed scan.',
        });
      }
      return readKeywordPosts(src, input);
    },
  };
}
