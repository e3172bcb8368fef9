/** The fake's in-memory entities, close to PeerTube's tables rather than its API shapes (see serialize.ts). */
export interface FakeAccount {
  id: number;
  name: string;
  host: string | null; // null = local to the fake instance
  displayName: string;
  createdAt: string;
}

export interface FakeVideo {
  id: number;
  uuid: string;
  name: string;
  accountId: number;
  nsfw: boolean;
  imageSeed: number;
  deleted: boolean;
  /** Watch lists (issue 14): when it was published (default: derived from the id), its description, tags and support text. */
  publishedAt?: string;
  description?: string | null;
  tags?: string[];
  support?: string | null;
  /** Test hook: listed without its account, so the connector's skip path runs. */
  malformed?: boolean;
}

/** 1 manual, 2 automatic (instance policy), 3 automatic (auto-tag policy): VideoBlacklistType in peertube-models. */
export type VideoBlockType = 1 | 2 | 3;

/** A row of PeerTube's videoBlacklist table: at most one per video (unique index on videoId). */
export interface FakeVideoBlock {
  id: number;
  videoId: number;
  reason: string | null;
  unfederated: boolean;
  type: VideoBlockType;
  createdAt: string;
  updatedAt: string;
}

export interface FakeComment {
  id: number;
  videoId: number;
  accountId: number;
  text: string;
  deleted: boolean;
}

export type AbuseState = 1 | 2 | 3; // pending, rejected, accepted

/** PeerTube's predefined abuse reasons (AbusePredefinedReasonsString); any other name is refused with 400. */
export const PREDEFINED_REASONS = [
  'violentOrRepulsive', 'hatefulOrAbusive', 'spamOrMisleading', 'privacy', 'rights', 'serverRules', 'thumbnails', 'captions',
] as const;

export interface FakeAbuse {
  id: number;
  reason: string;
  predefinedReasons: string[];
  reporterId: number;
  flaggedId: number;
  state: AbuseState;
  moderationComment: string | null;
  videoId: number | null;
  commentId: number | null;
  createdAt: string;
  updatedAt: string;
}

export type MalformKind = 'missing_account' | 'bad_state' | 'none';

export interface WriteRecord {
  method: string;
  path: string;
  body: Record<string, unknown>;
  status: number;
  time: string;
}

/** An abuse PeerTube forwarded on its own: the Flag activity sent to the flagged account's instance. */
export interface FlagRecord {
  abuseId: number;
  host: string;
  at: string;
}
