/**
 * One watch scan of one instance: the recent-posts feed since its cursor and, where the kind offers a server-side
 * lookup, one feed per enabled hashtag/keyword term. Every post is matched locally against all terms that apply;
 * hits become watch items in the queue. An error in one feed is kept on its cursor and the next feed runs; an error
 * about the instance as a whole (unauthorized, unreachable) ends this instance's scan only. Never throws for a post.
 */
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { connectorFor } from '@/lib/instances/connector-for';
import { logger } from '@/lib/log/logger';
import { describeError } from '@/lib/sync/describe-error';
import { PUBLIC_FEED, watchCapability } from './list-terms';
import type { HitTerm } from './record-watch-hit';
import { PAGE_LIMIT, saveCursor, scanFeed, type FeedInput } from './scan-feed';

const log = logger('watch');
export const WATCH_INTERVAL = 60_000;
const INSTANCE_WIDE = new Set(['unauthorized', 'forbidden', 'rate_limited', 'remote_unreachable', 'ssrf_blocked']);

export interface ScanSummary {
  feeds: number;
  posts: number;
  hits: number;
  /** Queue items this scan created. */
  created: string[];
  skipped: number;
  errors: string[];
}

/** The enabled terms that apply to this instance (a term with no instances applies to every one). */
export async function termsFor(instanceId: string): Promise<HitTerm[]> {
  return db.watchTerm.findMany({
    where: { enabled: true, OR: [{ instanceIds: { isEmpty: true } }, { instanceIds: { has: instanceId } }] },
    select: { id: true, kind: true, value: true }, orderBy: { createdAt: 'asc' },
  });
}

export async function runWatchScan(instanceId: string): Promise<ScanSummary> {
  const summary: ScanSummary = { feeds: 0, posts: 0, hits: 0, created: [], skipped: 0, errors: [] };
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  const caps = instance ? watchCapability(instance.kind) : undefined;
  if (!instance || instance.status === 'disabled' || !caps) return summary;
  const terms = await termsFor(instanceId);
  if (terms.length === 0) return summary;
  const publicRow = await db.watchCursor.findUnique({ where: { instanceId_feed: { instanceId, feed: PUBLIC_FEED } } });
  try {
    const connector = await connectorFor(instance);
    const feeds: FeedInput[] = [];
    const recent = connector.listRecentPosts?.bind(connector);
    if (caps.recentPosts && recent) {
      feeds.push({ instanceId, feed: PUBLIC_FEED, terms, via: 'timeline', read: (since) => recent({ since, limit: PAGE_LIMIT }) });
    }
    const search = connector.searchPosts?.bind(connector);
    for (const term of terms) {
      const lookup = term.kind === 'hashtag' ? caps.hashtagLookup : term.kind === 'keyword' ? caps.keywordLookup : false;
      if (!lookup || !search) continue;
      const kind = term.kind as 'hashtag' | 'keyword';
      feeds.push({
        instanceId, feed: `${kind}:${term.value}`, terms, via: kind === 'hashtag' ? 'tag' : 'search',
        // A tag timeline is exact; a server's full-text search may stem or widen, so keywords must also match here.
        looked: kind === 'hashtag' ? term : null,
        read: (since) => search({ kind, value: term.value, since, limit: PAGE_LIMIT }),
      });
    }
    for (const feed of feeds) {
      summary.feeds++;
      try {
        const out = await scanFeed(feed);
        summary.posts += out.posts;
        summary.hits += out.hits;
        summary.created.push(...out.created);
        summary.skipped += out.skipped;
      } catch (e) {
        if (isAppError(e) && INSTANCE_WIDE.has(e.code)) throw e;
        const message = errorText(e);
        summary.errors.push(`${feed.feed}: ${message}`);
        log.warn('watch feed failed', { instanceId, feed: feed.feed, error: describeError(e) });
        await keepError(instanceId, feed.feed, message);
      }
    }
    // The public row is the instance's scan clock (dueWatchScans), even where only lookups ran.
    if (!feeds.some((f) => f.feed === PUBLIC_FEED)) await saveCursor(instanceId, PUBLIC_FEED, publicRow?.cursor ?? null);
  } catch (e) {
    const message = errorText(e);
    summary.errors.push(message);
    log.warn('watch scan of instance failed', { instanceId, error: describeError(e) });
    await keepError(instanceId, PUBLIC_FEED, message);
  }
  if (summary.hits || summary.errors.length) log.info('watch scan done', { instanceId, hits: summary.hits, created: summary.created.length, errors: summary.errors.length });
  return summary;
}

function errorText(e: unknown): string {
  const text = isAppError(e) ? e.userMessage + (e.details?.remoteError ? ` (${String(e.details.remoteError)})` : '') : 'The watch scan failed unexpectedly.';
  return text.slice(0, 500);
}

/** Keeps the cursor where it was: the posts it did not read are read next time. */
async function keepError(instanceId: string, feed: string, message: string): Promise<void> {
  const row = await db.watchCursor.findUnique({ where: { instanceId_feed: { instanceId, feed } }, select: { cursor: true } });
  await saveCursor(instanceId, feed, row?.cursor ?? null, message).catch((e) => log.error('could not keep a watch error', { instanceId, error: describeError(e) }));
}

/** Instances a scan can do something for: not disabled, a kind that can watch, at least one enabled term applying. */
export async function watchableInstances(): Promise<string[]> {
  const terms = await db.watchTerm.findMany({ where: { enabled: true }, select: { instanceIds: true } });
  if (terms.length === 0) return [];
  const everywhere = terms.some((t) => t.instanceIds.length === 0);
  const named = new Set(terms.flatMap((t) => t.instanceIds));
  const instances = await db.instance.findMany({ where: { status: { not: 'disabled' } }, select: { id: true, kind: true }, orderBy: { createdAt: 'asc' } });
  return instances.filter((i) => (everywhere || named.has(i.id)) && watchCapability(i.kind)).map((i) => i.id);
}

/** Watchable instances whose last scan (the 'public' cursor's clock) is at least WATCH_INTERVAL old. */
export async function dueWatchScans(now: Date): Promise<string[]> {
  const ids = await watchableInstances();
  if (ids.length === 0) return [];
  const cursors = new Map((await db.watchCursor.findMany({ where: { feed: PUBLIC_FEED, instanceId: { in: ids } }, select: { instanceId: true, lastScanAt: true } })).map((c) => [c.instanceId, c.lastScanAt]));
  const before = now.getTime() - WATCH_INTERVAL;
  return ids.filter((id) => {
    const last = cursors.get(id);
    return !last || last.getTime() <= before;
  });
}
