/** The fake Misskey's in-memory records. Field names follow Misskey's packed entities where they are served. */
import type { KnownBadVariant } from '../federation/known-bad';

export interface FakeUser {
  id: string;
  username: string;
  host: string | null; // null = local, as Misskey marks it
  name: string | null;
  createdAt: string;
  isModerator: boolean;
  isAdmin: boolean;
  isSuspended: boolean;
  /** ActivityPub id of a remote user as recorded (the known-bad spreader); default: built from host and id. */
  uri?: string;
}

export interface FakeDriveFile {
  id: string;
  userId: string;
  name: string;
  type: string; // MIME type, as Misskey stores it
  width: number;
  height: number;
  imageSeed: number;
  comment: string | null;
  isSensitive: boolean;
  createdAt: string;
  /** A remote file's origin URL (drive_file.uri); null/absent for local uploads. */
  uri?: string | null;
  /** Remote file not cached (drive_file.isLink): its `url` column then holds the origin URL itself. */
  isLink?: boolean;
  /** Served with the shared known-bad bytes (../federation/known-bad.ts) instead of a seeded pattern. */
  knownBad?: KnownBadVariant;
}

export interface FakeNote {
  id: string;
  userId: string;
  text: string | null;
  cw: string | null;
  visibility: 'public' | 'home' | 'followers' | 'specified';
  fileIds: string[];
  createdAt: string;
  /** A remote note's ActivityPub id and web URL, as Misskey records them (local notes have neither). */
  uri?: string | null;
  url?: string | null;
  /** Hashtags without '#' (watch lists); Misskey packs `tags` only when there are some. */
  tags?: string[];
  /** A renote: the renoted note's id (a pure renote has no text and no files). */
  renoteId?: string | null;
  /** Test hook: served broken (createdAt not a date, no user), so the connector's skip path is exercised. */
  malformed?: boolean;
}

export interface FakeReport {
  id: string;
  createdAt: string;
  comment: string;
  reporterId: string;
  targetUserId: string;
  assigneeId: string | null;
  resolved: boolean;
  resolvedAs: 'accept' | 'reject' | null;
  forwarded: boolean;
  moderationNote: string;
}

/** A write call as the fake saw it; the token (`i`) is removed before recording. */
export interface WriteRecord {
  endpoint: string;
  body: Record<string, unknown>;
  status: number;
  time: string;
}

export type MalformKind = 'missing_target' | 'id_object';

/** A system webhook (control panel → Webhooks), packed as admin/system-webhook/list serves it. */
export interface FakeSystemWebhook {
  id: string;
  isActive: boolean;
  name: string;
  on: string[]; // event types, e.g. abuseReport, abuseReportResolved
  url: string;
  secret: string;
  latestSentAt: string | null;
  latestStatus: number | null;
}

/**
 * An abuse-report notification recipient (control panel → Notification recipients). Since 2024.10 a system webhook
 * gets report events only through a recipient with method 'webhook' that points at it.
 */
export interface FakeRecipient {
  id: string;
  isActive: boolean;
  name: string;
  method: 'email' | 'webhook';
  userId: string | null;
  systemWebhookId: string | null;
}

/** One report-event delivery the fake attempted. */
export interface FakeDelivery {
  webhookId: string;
  type: 'abuseReport' | 'abuseReportResolved';
  reportId: string;
  status: number | null;
  error: string | null;
  body: string;
}
