/**
 * Turns one remote list of statuses into a PostPage (issue 14), for Mastodon, GoToSocial and Akkoma. Each item is
 * parsed on its own: a malformed one becomes a SkippedItem and the rest land. Only posts newer than `since` are kept,
 * even when a server ignores since_id/min_id (search in some forks): a scan must never see the same post twice.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { RemoteAccount, SkippedItem } from '../types';
import type { PostPage, RemotePost } from '../watch-types';
import { skipItem } from '../shared/report-items';
import { SAFE_ID } from '../shared/remote-schemas';
import { toWritablePost } from '../shared/writable-post';
import { formatIssues, rawId } from '../shared/parse-remote';
import { watchStatusSchema } from './watch-schema';
import { mapPost } from './watch-mapper';

export interface PageReader<A extends z.ZodType> {
  service: string;
  account: A;
  mapAccount: (a: z.output<A>) => RemoteAccount;
}

/**
 * Id order for snowflakes (Mastodon, digits), ULIDs (GoToSocial, fixed length) and FlakeIds (Akkoma, base62 in
 * ASCII order): a longer id is a larger number, equal lengths compare as strings.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toPostPage<A extends z.ZodType>(reader: PageReader<A>, data: unknown, since: string | null): PostPage {
  const list = z.array(z.unknown()).max(1000).safeParse(data);
  if (!list.success) {
    throw new AppError('remote_error', `${reader.service} post list is not an array`, {
      userMessage: 'The instance returned a post list this dashboard cannot read.',
    });
  }
  const items: RemotePost[] = [];
  const skipped: SkippedItem[] = [];
  let newest: string | null = null;
  for (const raw of list.data) {
    const id = rawId(raw);
    const validId = id !== null && SAFE_ID.test(id) ? id : null;
    if (validId !== null && since !== null && compareIds(validId, since) <= 0) continue;
    // A skipped item moves the cursor too, or every later scan would read and skip it again.
    if (validId !== null && (newest === null || compareIds(validId, newest) > 0)) newest = validId;
    const parsed = watchStatusSchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push(skipItem(id, formatIssues(parsed.error), raw));
      continue;
    }
    // A boost has no text of its own; the boosted post is in the feed (or the server) in its own right.
    if (parsed.data.reblog !== undefined && parsed.data.reblog !== null) continue;
    const author = reader.account.safeParse(parsed.data.account);
    if (!author.success) {
      skipped.push(skipItem(id, `account: ${formatIssues(author.error)}`, raw));
      continue;
    }
    const post = toWritablePost(mapPost({ ...parsed.data, account: null }, author.data, reader.mapAccount));
    if (post.ok) items.push(post.post);
    else skipped.push(skipItem(id, post.error, raw));
  }
  items.sort((a, b) => compareIds(b.remoteId, a.remoteId));
  return { items, skipped, newest };
}
