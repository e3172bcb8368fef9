/** In-memory shapes of the fake Mastodon. Serializers turn them into the API's JSON (see serialize*.ts). */

export interface RolePermissions {
  manageReports: boolean;
  manageUsers: boolean;
  manageFederation: boolean;
  /** Mastodon's "Delete User Data" (needed by DELETE /api/v1/admin/accounts/:id). Absent: granted. */
  deleteUserData?: boolean;
}

export interface FakeAccount {
  id: string;
  username: string;
  domain: string | null; // null = local
  displayName: string;
  email: string | null;
  createdAt: string;
  suspended: boolean;
  silenced: boolean;
  sensitized: boolean;
  disabled: boolean;
  roleName: string | null;
  /**
   * When DELETE /api/v1/admin/accounts/:id deleted the data. Mastodon keeps the row (suspended, "permanently":
   * its AccountDeletionRequest is gone); a new suspension makes a new request, so it is cleared then.
   */
  dataDeletedAt?: string | null;
}

export type FakeMediaType = 'image' | 'gifv' | 'video';
export type FakeMediaFormat = 'png' | 'jpeg' | 'gif' | 'mp4';

export interface FakeMedia {
  id: string;
  accountId: string;
  type: FakeMediaType;
  format: FakeMediaFormat;
  width: number;
  height: number;
  imageSeed: number;
  description: string | null;
  remoteUrl: string | null; // origin copy for federated media; the fake serves its own cached copy
  /** Exact bytes to serve as the original instead of a rendered synthetic image (tests set near-duplicates). */
  bytes?: Buffer;
  /**
   * The file was deleted but the record kept (ClearDomainMediaService after a reject_media domain block): the API
   * then reports type "unknown" and a /media_proxy URL, and the old file URL is gone.
   */
  fileCleared?: boolean;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  contentHtml: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  createdAt: string;
  media: FakeMedia[];
  /** A federated post keeps the origin's ActivityPub id and web URL (default: derived from the author). */
  uri?: string;
  url?: string;
  /** Hashtags without '#' (watch lists, issue 14); absent: derived from `#tag` in the HTML (routes-timelines.ts). */
  tags?: string[];
  /** Served lean like a real timeline item: no tags, media without meta, an account with few fields. */
  lean?: boolean;
  /** Served without its account, so a watch read must skip it and keep the rest of the page. */
  malformed?: boolean;
}

export interface FakeRule {
  id: string;
  text: string;
  hint: string;
}

export interface FakeReport {
  id: string;
  category: string;
  comment: string;
  forwarded: boolean;
  createdAt: string;
  updatedAt: string;
  reporterId: string;
  targetId: string;
  assignedId: string | null;
  actionTakenById: string | null;
  actionTakenAt: string | null;
  statusIds: string[];
  ruleIds: string[];
}

export type DomainBlockSeverity = 'silence' | 'suspend' | 'noop';

export interface FakeDomainBlock {
  id: string;
  domain: string;
  severity: DomainBlockSeverity;
  rejectMedia: boolean;
  rejectReports: boolean;
  privateComment: string | null;
  publicComment: string | null;
  obfuscate: boolean;
  createdAt: string;
  /** Served with an object id (POST /__fake/domain-blocks {malformed: true}), to test that a list read skips it. */
  malformed?: boolean;
}

/** One admin write call as received: what end-to-end tests assert on. */
export interface WriteRecord {
  method: string;
  path: string;
  body: Record<string, unknown>;
  status: number;
  time: string;
}

export interface WarningRecord {
  accountId: string;
  type: string;
  text: string | null;
  reportId: string | null;
  sendEmailNotification: boolean;
  time: string;
}

export interface WebhookRecord {
  targetUrl: string;
  event: string;
  reportId: string;
  /** The post of a status.* event (watch lists). */
  statusId?: string;
  status: number | null;
  error: string | null;
  time: string;
}

/** How /__fake/malformed breaks a report's JSON, to test that sync skips it and carries on. */
export type MalformKind = 'missing_target' | 'id_object';
