/**
 * GoToSocial watch-list reads (issue 14) through its Mastodon-shaped client API, with Mastodon's readers:
 * GET /api/v1/timelines/public (limit at most 40, since_id; ULID ids) and GET /api/v1/timelines/tag/:tag_name
 * (since 0.13, docs/api/swagger.yaml). GoToSocial has no full-text status search (its v2 search only looks posts up
 * by URI or URL, internal/processing/search/get.go), so keywords are watched by the feed scan alone.
 */
import { AppError } from '../../errors';
import type { Connector } from '../types';
import { accountSchema } from '../mastodon/api-types';
import { mapPublicAccount } from '../mastodon/watch-mapper';
import { readRecentPosts, readTagPosts, type WatchSource } from '../mastodon/watch-posts';
import type { GoToSocialClient } from './client';

export function gotosocialWatchSource(client: GoToSocialClient): WatchSource<typeof accountSchema> {
  return {
    service: 'GoToSocial',
    account: accountSchema,
    // Not tidyAccount: a public account carries no email, and null would read as "no email" (contract I1).
    mapAccount: mapPublicAccount,
    get: async (path, query) => (await client.get(path, query)).data,
  };
}

export function gotosocialWatch(client: GoToSocialClient): Pick<Connector, 'listRecentPosts' | 'searchPosts'> {
  const src = gotosocialWatchSource(client);
  return {
    listRecentPosts: (input) => readRecentPosts(src, input),
    searchPosts: async (input) => {
      if (input.kind === 'hashtag') return readTagPosts(src, input);
      throw new AppError('unsupported', 'GoToSocial has no full-text status search', {
        userMessage: 'GoToSocial cannot search posts by keyword; keywords are matched in the feed scan instead.',
      });
    },
  };
}
