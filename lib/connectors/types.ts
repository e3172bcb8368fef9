/**
 * The connector interface: one adapter per server kind, behind one shape.
 * Connectors never import the database or the audit log. They parse every remote response with zod,
 * map it to these normalized types, and declare what they can do in `capabilities`.
 */
import type { CopyLookupCapability, CopyLookupResult, CopyQuery, PurgeOption } from './case-types';

export type { CopyLookupCapability, CopyLookupResult, CopyQuery, FoundCopy, PurgeOption, PurgeStepRef } from './case-types';
import type { BlocklistCapability, DomainBlockChange, DomainBlockOutcome, RemoteDomainBlock } from './domain-block-types';
import type { PostPage, RecentPostsInput, SearchPostsInput, WatchCapability } from './watch-types';
export type { PostPage, RecentPostsInput, RemotePost, SearchPostsInput, WatchCapability } from './watch-types';
export type { BlocklistCapability, DomainBlockChange, DomainBlockOutcome, DomainBlockTarget, RemoteDomainBlock } from './domain-block-types';

export type ServerKind = 'mastodon' | 'gotosocial' | 'akkoma' | 'lemmy' | 'misskey' | 'peertube';

/** An HTTP function with fetch's shape. The app passes the SSRF-safe fetch; tests may pass a plain one. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface ConnectorConfig {
  baseUrl: string; // e.g. https://mastodon.example (no trailing slash)
  token: string; // decrypted admin token; never log it
  fetch: FetchLike;
  /** Injected so tests can run backoff without waiting. Defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The API generation detection picked, where a server kind has more than one (Lemmy: 'v3' for 0.19, 'v4' for 1.0).
   * Absent or unknown: the connector uses its oldest supported generation, which newer servers still serve.
   */
  apiVersion?: string | null;
}

export interface RemoteAccount {
  remoteId: string;
  username: string;
  acct: string; // user or user@domain
  displayName: string;
  url: string | null;
  avatarUrl: string | null;
  domain: string | null; // null for local accounts
  email?: string | null;
  // Contract I1: `undefined` means "this payload does not say" (the stored value is kept), never "false".
  createdAt?: string | null;
  suspended?: boolean;
  silenced?: boolean;
  sensitized?: boolean;
  disabled?: boolean;
}

export type RemoteMediaType = 'image' | 'gifv' | 'video' | 'audio' | 'unknown';

export interface RemoteMedia {
  remoteId: string;
  type: RemoteMediaType;
  url: string; // the original on the instance
  previewUrl: string | null;
  remoteUrl: string | null; // origin server's URL for federated media
  description: string | null;
  meta?: Record<string, unknown> | null; // width/height/duration as the server gave them
}

export interface RemoteStatus {
  remoteId: string;
  url: string | null;
  uri: string | null;
  contentHtml: string; // UNSANITIZED remote HTML: sanitize before display
  spoilerText: string;
  sensitive: boolean;
  visibility: string | null;
  createdAt: string | null;
  media: RemoteMedia[];
}

export interface RemoteRule {
  remoteId: string;
  text: string;
}

/** A moderator note kept on the server itself (Akkoma report notes, Misskey's moderation note, PeerTube's comment). */
export interface RemoteNote {
  remoteId: string | null; // null where the server keeps one free-text field rather than separate notes
  author: string | null; // acct or name of the moderator who wrote it, where the server says
  text: string;
  createdAt: string | null; // ISO
}

export interface RemoteReport {
  remoteId: string;
  category: string; // spam | legal | violation | other (server-specific values kept as given)
  comment: string;
  createdAt: string; // ISO
  updatedAt: string | null;
  resolved: boolean; // Mastodon: action_taken
  resolvedAt: string | null;
  forwarded: boolean;
  reporter: RemoteAccount | null;
  target: RemoteAccount;
  assignee: RemoteAccount | null;
  statuses: RemoteStatus[];
  rules: RemoteRule[];
  /** Notes moderators left on the server (absent where the server has none). Shown read-only beside ours. */
  notes?: RemoteNote[];
}

/** One remote item we could not parse: recorded with its error, and the rest of the page still lands. */
export interface SkippedItem {
  remoteId: string | null;
  error: string;
  raw: unknown;
}

export interface ReportPage {
  items: RemoteReport[];
  skipped: SkippedItem[];
  /** Opaque cursor for the next (older) page, or null at the end. */
  next: string | null;
}

export interface ListReportsInput {
  resolved: boolean;
  cursor?: string | null;
  limit?: number;
}

export interface VerifyCheck {
  name: string; // e.g. "verify_credentials", "instance", "admin:read:reports"
  ok: boolean;
  detail: string; // human text, never the token
  /** A check for an optional setup step (e.g. webhooks): not passing it leaves the connection working. */
  optional?: boolean;
}

export interface VerifyResult {
  ok: boolean; // true when reports can be read
  account: { username: string; acct: string } | null;
  instance: { title: string; version: string | null; software: ServerKind; domain: string | null } | null;
  checks: VerifyCheck[];
}

export type AccountActionType = 'none' | 'sensitive' | 'disable' | 'silence' | 'suspend';
export type AccountUndoType = 'unsensitive' | 'enable' | 'unsilence' | 'unsuspend';
export type DomainBlockSeverity = 'silence' | 'suspend' | 'noop';
export type DomainBlockOption = 'severity' | 'rejectMedia' | 'rejectReports' | 'obfuscate' | 'privateComment' | 'publicComment';

export type ConnectorAction =
  | { kind: 'report.assign_to_self'; reportId: string }
  | { kind: 'report.unassign'; reportId: string }
  | { kind: 'report.resolve'; reportId: string; comment?: string }
  | { kind: 'report.reopen'; reportId: string }
  | { kind: 'report.set_category'; reportId: string; category: string; ruleIds?: string[] }
  | {
      kind: 'account.action';
      accountId: string;
      type: AccountActionType;
      text?: string;
      notify: boolean;
      reportId?: string;
    }
  | { kind: 'account.undo'; accountId: string; type: AccountUndoType }
  | {
      kind: 'domain.block';
      domain: string;
      severity: DomainBlockSeverity;
      rejectMedia: boolean;
      rejectReports: boolean;
      obfuscate: boolean;
      privateComment?: string;
      publicComment?: string;
    }
  | { kind: 'report.forward'; reportId: string }
  /**
   * Open a new report on this server, as the connected admin account, about an account and its posts here (ids
   * are this server's). `forward`: ask the server to send it on to the account's home server (an ActivityPub Flag)
   * where the server can (capabilities.reportCreate.forwards). Used to reach an origin's moderators (lib/forwarding).
   * remoteRef: the created report's id where the server returns one.
   */
  | { kind: 'report.create'; accountId: string; statusIds: string[]; comment: string; forward: boolean }
  /** Close the report as "no violation" (PeerTube state rejected, Misskey resolvedAs reject). */
  | { kind: 'report.reject'; reportId: string; comment?: string }
  /** Add a moderator note on the server (Akkoma report note; appended to Misskey's note / PeerTube's comment). */
  | { kind: 'report.note'; reportId: string; text: string }
  /** Delete the account and its content for good (Akkoma DELETE /users, Misskey delete-account, Lemmy purge person). */
  | { kind: 'account.delete'; accountId: string; reason?: string }
  /** Permanently purge a post or comment and its images (Lemmy admin purge), beyond a reversible removal. */
  | { kind: 'status.purge'; statusId: string; reason?: string }
  /** Hide a post and keep it for review, reversibly (PeerTube video block list). */
  | { kind: 'status.block'; statusId: string; blocked: boolean; reason?: string }
  | { kind: 'status.visibility'; statusId: string; visibility: 'public' | 'unlisted' | 'private' }
  /** Delete one stored media file on the server by its remote id (Misskey drive file). */
  | { kind: 'media.delete'; mediaId: string }
  | { kind: 'status.delete'; statusId: string; reason?: string }
  | { kind: 'status.sensitive'; statusId: string; sensitive: boolean }
  /** Purge cached copies: by URL where the server can (Akkoma), else its nearest primitive (see capabilities.notes). */
  | { kind: 'media.purge'; urls?: string[]; host?: string; olderThanDays?: number }
  /**
   * Blocklists (lib/blocklists): bring each listed domain's block to `target` (null: no block). The connector reads
   * the server's list first and sends only what differs, so sending it again converges instead of repeating: an
   * outbox retry after a crash is safe. Per-domain refusals (4xx) become failed outcomes and the rest still lands;
   * transient failures (429, 5xx, unreachable) throw so the outbox retries the whole action.
   */
  | { kind: 'domain.blocks_reconcile'; changes: DomainBlockChange[] };

export type ActionKind = ConnectorAction['kind'];

export interface ActionResult {
  ok: true;
  /** What the remote returned that is worth keeping (e.g. a created domain block id). Never secrets. */
  remoteRef?: string | null;
  /** When the action returns the fresh report, the connector maps it so the caller can upsert it. */
  report?: RemoteReport | null;
  /** domain.blocks_reconcile: one outcome per change, in the order given. */
  domainBlocks?: DomainBlockOutcome[];
}

export interface Capabilities {
  /** Actions this server kind supports. The UI offers only these. */
  actions: ActionKind[];
  /** Report categories the server accepts for report.set_category. */
  categories: string[];
  /** Which account.action types the server supports (absent: all five). */
  accountActionTypes?: AccountActionType[];
  /** Which account.undo types the server supports (absent: all four). */
  accountUndoTypes?: AccountUndoType[];
  /** Per-action text telling the moderator what the button does on this server, or why it is missing. */
  notes: Partial<Record<ActionKind, string>>;
  webhooks: boolean;
  /**
   * Post actions that apply to only some kinds of post, as a pattern the post's server id must match (e.g. on
   * PeerTube only videos can be blocked, on Lemmy private messages cannot be removed). The UI hides the button
   * elsewhere and the verb refuses it.
   */
  statusIdPattern?: Partial<Record<ActionKind, string>>;
  /** status.delete is a moderator removal the server can undo (Lemmy): the UI says "Remove post", the post "removed". */
  statusDeleteReversible?: boolean;
  /** Where account.action takes a text, what the server does with it (absent: no text box). */
  accountActionText?: { label: string; hint: string };
  /** account.action can e-mail the user (Mastodon's send_email_notification). */
  accountActionNotifies?: boolean;
  /** Whether report.resolve / report.reject store a comment on the server (else the comment box is not shown). */
  resolveTakesComment?: boolean;
  /** Which domain.block fields the server takes (absent: all of them, as on Mastodon). The form shows only these. */
  domainBlockOptions?: DomainBlockOption[];
  /** What media.purge needs from the moderator: the report's media URLs, the target's host, or an age in days. */
  mediaPurgeBy?: 'urls' | 'host' | 'days';
  /**
   * Opening a report here through the API (ConnectorAction report.create); absent where the server cannot. Not in
   * `actions`: the report page does not offer it, lib/forwarding uses it to reach an origin's moderators.
   * forwards: the server sends the report on to a remote account's home server when asked (PeerTube always does
   * for remote videos). needsPost: the server reports a post, not an account (Lemmy, PeerTube videos).
   */
  reportCreate?: { forwards: boolean; needsPost: boolean; note: string };
  /**
   * Copy lookups (lib/cases): present when the connector implements `findCopies`. Absent: every copy search on
   * this kind says "cannot check without fetching".
   */
  findCopies?: CopyLookupCapability;
  /**
   * How this kind removes one copy of a case's item (lib/purge), strongest first: the plan offers these options per
   * instance, defaulting to the first whose references the copy has. Absent: copies on this kind cannot be removed.
   */
  purge?: PurgeOption[];
  /** How blocklists apply here (lib/blocklists); absent: they cannot (notes['domain.blocks_reconcile'] says why). */
  blocklist?: BlocklistCapability;
  /** Watch lists (lib/watch, issue 14): what this kind can watch and how; absent: nothing can be watched here. */
  watch?: WatchCapability;
  /** Oldest server version this connector is written and tested against, e.g. "4.0" (shown in the matrix). */
  minVersion?: string;
  /** Actions that need a newer server than minVersion, with the version they arrived in, e.g. "1.0 (API v4)". */
  since?: Partial<Record<ActionKind, string>>;
}

export interface Connector {
  readonly kind: ServerKind;
  readonly capabilities: Capabilities;
  verify(): Promise<VerifyResult>;
  listReports(input: ListReportsInput): Promise<ReportPage>;
  getReport(remoteId: string): Promise<RemoteReport>;
  /** Throws AppError('unsupported') for actions not in capabilities; AppError('remote_error') with the remote text otherwise. */
  perform(action: ConnectorAction): Promise<ActionResult>;
  /**
   * Looks for copies of one item using ONLY lookups that read the server's own database: never a call that can make
   * the server fetch from another server (no resolve=true search, no ap/show, no resolve_object, no webfinger).
   * Throws AppError like the other calls (remote_error, rate_limited, unauthorized) when the server fails.
   */
  findCopies?(query: CopyQuery): Promise<CopyLookupResult>;
  /**
   * Reads one account as the server's admin API has it now (lib/purge checks whether a suspension or deletion whose
   * outcome was unknown already happened before sending it again). null: the server no longer has the account.
   */
  getAccount?(remoteId: string): Promise<RemoteAccount | null>;
  /**
   * Every domain block the server has now, all pages (present when capabilities.blocklist is). Entries that fail to
   * parse are skipped with their error, like reports. Throws AppError like the other calls.
   */
  listDomainBlocks?(): Promise<{ blocks: RemoteDomainBlock[]; skipped: SkippedItem[] }>;
  /**
   * Watch lists (issue 14): new public posts this server holds, newest first, only those newer than `since`.
   * Present when capabilities.watch.recentPosts. Reads only the server's own database. Throws AppError like the others.
   */
  listRecentPosts?(input: RecentPostsInput): Promise<PostPage>;
  /** A server-side hashtag or keyword lookup (capabilities.watch.hashtagLookup / keywordLookup). Never resolve=true. */
  searchPosts?(input: SearchPostsInput): Promise<PostPage>;
  /** Ends what the connector holds on the server (PeerTube revokes its session token). Optional: most hold nothing. */
  close?(): Promise<void>;
}
