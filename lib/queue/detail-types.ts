/**
 * The report detail's view model (JSON-safe, type-only; see types.ts for why).
 * Every string here except `StatusView.contentHtml` is remote text and must be rendered escaped.
 */
import type { BrigadeFlag, HoldView } from '@/lib/holding/types';
import type { WatchTermRef } from '@/lib/watch/types';
import type { CaseBadge } from '@/lib/cases/types';
import type { MatchView } from './match-view';
import type { QueueStatus } from './types';

export interface AccountCard {
  id: string;
  acct: string;
  displayName: string;
  domain: string | null;
  /** `user@domain`, lower case: the key of the account page /accounts/[handle] across instances (lib/actors/handle.ts). */
  handle: string;
  /** http(s) only; anything else is dropped server-side so a javascript: URL can never become a link. */
  url: string | null;
  suspended: boolean;
  silenced: boolean;
  sensitized: boolean;
  disabled: boolean;
}

export interface EarlierReport {
  id: string;
  remoteId: string;
  category: string;
  status: QueueStatus;
  remoteCreatedAt: string;
  excerpt: string;
}

export interface MediaView {
  id: string;
  type: string;
  state: 'pending' | 'done' | 'failed' | 'skipped';
  previewKind: string | null;
  description: string | null;
  mime: string | null;
  width: number | null;
  height: number | null;
  error: string | null;
  /** True when the original may be shown inline (an allow-listed raster image); otherwise download only. */
  inlineOriginal: boolean;
  hasPreview: boolean;
  hasOriginal: boolean;
  /** Hash-bank matches of this item, best (most severe, closest) first. */
  matches: MatchView[];
  /** The file's own hashes (hex), shown instead of any picture when severe items are shown as hashes (issue 15). */
  hashes?: { sha256: string | null; md5: string | null; pdq: string | null };
  /** When a media.delete removed the file on its server (our evidence copy stays). */
  remoteDeletedAt: string | null;
  /** The open case this item belongs to ("Case 12" instead of "Open case"); filled by getReport, absent elsewhere. */
  case?: { id: string; number: number } | null;
}

export interface StatusView {
  id: string;
  remoteId: string;
  url: string | null;
  /** Sanitized at sync and again on read (lib/reports/sanitize-html.ts): the only HTML the UI renders. */
  contentHtml: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: string | null;
  remoteCreatedAt: string | null;
  /** removed | deleted | purged | blocked after a confirmed action; null as synced. */
  remoteState: string | null;
  media: MediaView[];
}

/** A note moderators keep on the server itself (remote text: render escaped). */
export interface RemoteNoteView {
  author: string | null;
  text: string;
  createdAt: string | null;
}

export interface ReportDetail {
  id: string;
  remoteId: string;
  category: string;
  status: QueueStatus;
  comment: string;
  forwarded: boolean;
  rules: string[];
  remoteNotes: RemoteNoteView[];
  priority: number;
  /** The priority in words ("Priority 87: severity-5 hash match, 3 reports against this account, ..."). */
  priorityReason: string;
  remoteCreatedAt: string;
  resolvedAt: string | null;
  instance: { id: string; name: string; kind: string; domain: string };
  reporter: AccountCard | null;
  target: AccountCard;
  assigneeAcct: string | null;
  earlierReports: EarlierReport[];
  earlierTotal: number;
  statuses: StatusView[];
  /** Whether this actor may request actions here (the UI hides shortcuts and buttons otherwise). */
  canAct: boolean;
  /** The open (or purging) case this report is linked to, or null. */
  case: CaseBadge | null;
  /** Issue 14: a report the server received, or a post a watch list caught (report.* actions do not apply). */
  kind: 'report' | 'watch';
  watch: WatchTermRef[] | null;
  /** Every hold on this item, newest first (live and dry run). */
  holds: HoldView[];
  /** A likely brigade among the reports against this account, or null; reportScore: the weighted score. */
  brigade: BrigadeFlag | null;
  reportScore: number | null;
}
