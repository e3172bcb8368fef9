/**
 * One feed of one instance's watch scan: read the pages since the feed's cursor (only the latest page on the first
 * scan, so switching a term on never floods the queue with history), match every post against all terms that apply,
 * record the hits, keep malformed posts as SyncIssues, and move the cursor. The caller decides what an error means.
 */
import { db } from '@/lib/db';
import type { PostPage, RemotePost } from '@/lib/connectors/types';
import { describeError } from '@/lib/sync/describe-error';
import { recordSkipped } from '@/lib/sync/record-skipped';
import { matchTerms } from './match-terms';
import { recordWatchHit, type HitTerm } from './record-watch-hit';
import type { WatchTermRef } from './types';

export const PAGE_LIMIT = 40;
/** Pages per feed per scan: a burst larger than this waits for the next scan (the cursor keeps its place). */
const MAX_PAGES = 5;

export interface FeedSummary {
  posts: number;
  hits: number;
  created: string[];
  skipped: number;
}

export interface FeedInput {
  instanceId: string;
  feed: string;
  terms: HitTerm[];
  via: WatchTermRef['via'];
  /** The looked-up term, counted as a hit for every post the server returns for it (a tag timeline is exact). */
  looked?: HitTerm | null;
  read: (since: string | null) => Promise<PostPage>;
}

export async function scanFeed(input: FeedInput): Promise<FeedSummary> {
  const row = await db.watchCursor.findUnique({ where: { instanceId_feed: { instanceId: input.instanceId, feed: input.feed } } });
  const first = !row?.cursor;
  let cursor = row?.cursor ?? null;
  const summary: FeedSummary = { posts: 0, hits: 0, created: [], skipped: 0 };
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await input.read(cursor);
    await recordSkipped(input.instanceId, result.skipped);
    summary.skipped += result.skipped.length;
    // Oldest first, so a scan cut short still leaves the hits it made in order.
    for (const post of [...result.items].reverse()) await onePost(input, post, summary);
    if (result.newest) cursor = result.newest;
    // Saved per page: a failure on a later page does not make the next scan read this one again.
    await saveCursor(input.instanceId, input.feed, cursor);
    if (first || !result.newest || result.items.length + result.skipped.length < PAGE_LIMIT) break;
  }
  return summary;
}

async function onePost(input: FeedInput, post: RemotePost, summary: FeedSummary): Promise<void> {
  summary.posts++;
  const matched = matchTerms(post, input.terms);
  if (input.looked && !matched.some((t) => t.id === input.looked!.id)) matched.push(input.looked);
  if (matched.length === 0) return;
  try {
    const out = await recordWatchHit(input.instanceId, post, matched, input.via);
    summary.hits += out.newTerms.length;
    if (out.created) summary.created.push(out.reportId);
  } catch (e) {
    summary.skipped++;
    await recordSkipped(input.instanceId, [{ remoteId: post.remoteId.slice(0, 400), error: `watch hit not recorded: ${describeError(e)}`, raw: null }]);
  }
}

export async function saveCursor(instanceId: string, feed: string, cursor: string | null, lastError: string | null = null): Promise<void> {
  const data = { cursor, lastScanAt: new Date(), lastError };
  await db.watchCursor.upsert({ where: { instanceId_feed: { instanceId, feed } }, create: { instanceId, feed, ...data }, update: data });
}
