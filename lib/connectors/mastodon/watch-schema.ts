/**
 * Zod schemas for the posts a watch scan reads (issue 14): a Mastodon Status entity as the public and tag timelines,
 * search and the status.created webhook send it. Real payloads are leaner than a report's statuses: `tags`, media
 * `meta` and most account fields may be missing (docs.joinmastodon.org/entities/Status: tags is required there, but
 * GoToSocial and Akkoma forks omit or null it on some versions), so only the id and the author are required.
 * Shared by Mastodon, GoToSocial and Akkoma, whose client APIs are Mastodon-shaped.
 */
import { z } from 'zod';
import { accountSchema, statusSchema } from './api-types';

/**
 * Status.tags is [{name, url}]. A malformed tag is dropped on its own (a tag is a hint: the watcher also reads
 * `#tag` in the text), and a malformed list counts as no tags, so a bad tag never costs the post.
 */
export const tagNamesSchema = z
  .array(z.unknown())
  .max(1000)
  .nullish()
  .catch(null)
  .transform((tags) =>
    (tags ?? []).flatMap((t) => {
      const parsed = z.object({ name: z.string().min(1).max(200) }).safeParse(t);
      return parsed.success ? [parsed.data.name] : [];
    }),
  );

/**
 * The status part of a watched post. The author is parsed on its own with the connector's account schema
 * (Akkoma's adds nickname and tags to Mastodon's), so one status schema serves the three kinds.
 */
export const watchStatusSchema = statusSchema.extend({
  account: z.unknown(),
  tags: tagNamesSchema,
  // A boost carries the boosted post here and has no content of its own (see watch-page.ts).
  reblog: z.unknown().optional(),
});

/** The whole post with Mastodon's account, for callers that parse one post (the status.created webhook). */
export const mastodonPostSchema = watchStatusSchema.extend({ account: accountSchema });
