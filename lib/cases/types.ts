/**
 * View models of cases (JSON-safe: dates as ISO strings), shared by the pages, the route handlers and the CLI.
 * Type-only module: client components import it without pulling server code.
 */
export type CaseState = 'open' | 'purging' | 'purged' | 'closed';
export type CaseCopyState = 'present' | 'removed' | 'cannot_check' | 'error';
export type CaseLookupStatus = 'queued' | 'running' | 'found' | 'none' | 'cannot_check' | 'error';
/** The strongest way a copy was recognised, strongest first in this list. */
export type CopyFoundBy = 'sha256' | 'md5' | 'origin_uri' | 'media_url' | 'pdq';
export type CaseOpenedVia = 'report' | 'media' | 'auto' | 'cli';

export interface CaseListItem {
  id: string;
  number: number;
  title: string;
  state: CaseState;
  severity: number;
  label: string | null;
  copyCount: number;
  instanceCount: number;
  reportCount: number;
  /** Media id of the item, for the blurred thumbnail (served by /api/media/[id]/preview like the queue's). */
  primaryMediaId: string | null;
  /** label: how this viewer names the assignee (lib/team/staff-labeler.ts); email is empty where pseudonyms hide it. */
  assignee: { id: string; email: string; label: string } | null;
  openedVia: CaseOpenedVia;
  /** Copies whose latest receipt says removed or accepted, and copies still served after a purge (the Purge column). */
  removedCount: number;
  stillServedCount: number;
  /** When evidence was first sealed for the case, or null. */
  sealedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseListPage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface CaseCopyView {
  id: string;
  instance: { id: string; name: string; kind: string; baseUrl: string };
  /** Our Media row when the app holds this copy (then its preview can be shown, blurred). */
  mediaId: string | null;
  remotePostId: string | null;
  postUrl: string | null;
  remoteMediaId: string | null;
  mediaUrl: string | null;
  originUri: string | null;
  originMediaUrl: string | null;
  accountAcct: string | null;
  foundBy: CopyFoundBy;
  foundVia: 'local' | 'remote';
  distance: number | null;
  variant: string | null;
  state: CaseCopyState;
  stateDetail: string | null;
  foundAt: string;
  checkedAt: string;
  /** The latest receipt's verdict and time (null before any purge check). */
  receiptVerdict: 'removed' | 'still_served' | 'cannot_verify' | 'accepted' | null;
  receiptAt: string | null;
}

/** The latest lookup on one instance (one row per connected instance the actor can see). */
export interface CaseLookupView {
  instance: { id: string; name: string; kind: string };
  status: CaseLookupStatus;
  detail: string | null;
  found: number;
  requestedAt: string;
  finishedAt: string | null;
}

export interface CaseReportView {
  id: string;
  instance: { id: string; name: string; kind: string };
  remoteId: string;
  status: 'open' | 'resolved';
  category: string;
  excerpt: string;
  targetAcct: string;
  remoteCreatedAt: string;
}

export interface CaseNoteView {
  id: string;
  authorLabel: string;
  body: string;
  createdAt: string;
}

export interface CaseTimelineEvent {
  seq: string;
  at: string;
  action: string;
  actorLabel: string;
  details: Record<string, unknown>;
}

export interface CaseDetail extends CaseListItem {
  /** Hashes of the item (the primary media's). */
  hashes: { sha256: string | null; md5: string | null; pdq: string | null; pdqQuality: number | null };
  /** Best bank match: {bank, label, severity, distance, variant, signalType}, or null. */
  bestMatch: { bank: string; label: string | null; severity: number; distance: number; variant: string; signalType: string } | null;
  origin: { uri: string | null; url: string | null; mediaUrl: string | null; acct: string | null; accountUrl: string | null; domain: string | null };
  openedByLabel: string;
  closedAt: string | null;
  copies: CaseCopyView[];
  lookups: CaseLookupView[];
  reports: CaseReportView[];
  notes: CaseNoteView[];
  timeline: CaseTimelineEvent[];
  /** What the viewing actor may do here (the UI hides the rest; the verbs refuse it anyway). */
  can: { edit: boolean; searchAgain: boolean; resolveReports: boolean };
}

/** A case as a queue row or report page shows it: a badge, and for grouped rows the size of the group. */
export interface CaseBadge {
  id: string;
  number: number;
  state: CaseState;
  severity: number;
  label: string | null;
  /** Reports linked to the case (of the same status as the row's report), and on how many instances. */
  reports: number;
  instances: number;
}

/** The CLI's JSON shape (`cases list --json` prints an array, `cases show CASE --json` one). Fixed by the issue. */
export interface CaseCliJson {
  id: string;
  number: number;
  title: string;
  state: CaseState;
  severity: number;
  label: string | null;
  copies: { instanceUrl: string; postUrl: string | null; mediaUrl: string | null; foundBy: CopyFoundBy; state: CaseCopyState }[];
}
