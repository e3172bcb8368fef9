/**
 * Watch lists (issue 14): what a connector offers for watching hashtags, keywords and link domains, and the posts it
 * returns. A connector reads only what the server already holds (no resolve, no remote fetch). Posts are parsed
 * one by one: a malformed item becomes a SkippedItem and the rest of the page lands.
 */
import type { RemoteAccount, RemoteStatus, SkippedItem } from './types';

/** A public post as a watch scan sees it: the status, its author, and the hashtags the server says it carries. */
export interface RemotePost extends RemoteStatus {
  account: RemoteAccount;
  /** Hashtags without '#', as the server lists them (lower-casing is the watcher's job). */
  tags: string[];
  /**
   * URLs the post points to that are not in its HTML (a Lemmy link post's url, a PeerTube video's support links);
   * the watcher also reads every href in contentHtml.
   */
  links?: string[];
}

export interface PostPage {
  /** Newest first. */
  items: RemotePost[];
  skipped: SkippedItem[];
  /**
   * The cursor to pass next time to get only posts newer than this page (the newest id seen), or null when the
   * page was empty (keep the old cursor).
   */
  newest: string | null;
}

export interface RecentPostsInput {
  /** Only posts newer than this cursor (from an earlier PostPage.newest); absent: the latest page. */
  since?: string | null;
  /** At most this many (connectors cap it at their server's page size, 40 on Mastodon). */
  limit?: number;
}

export interface SearchPostsInput {
  kind: 'hashtag' | 'keyword';
  /** Normalized term: a hashtag without '#', lower case; a keyword. */
  value: string;
  since?: string | null;
  limit?: number;
}

/**
 * What each server kind can watch, and how, for the watch page and the README ("say per server kind what can be
 * watched"). Every kind with `recentPosts` can watch all three term kinds by scanning new public posts locally;
 * `hashtagLookup` / `keywordLookup` add a server-side lookup that also finds posts the feed scan missed.
 */
export interface WatchCapability {
  /** The connector implements listRecentPosts: the feed of new public posts this server knows (local and federated). */
  recentPosts: boolean;
  /** searchPosts({kind:'hashtag'}) works (a tag timeline or tag search). */
  hashtagLookup: boolean;
  /** searchPosts({kind:'keyword'}) works (full-text search, where the token and the server permit). */
  keywordLookup: boolean;
  /** Posts arrive through a webhook too (Mastodon status.created), so a hit lands without waiting for the scan. */
  webhook: boolean;
  /** One or two plain sentences for the watch page: what is watched, through which API, and the limits. */
  note: string;
}
