import type { ExposureStatus } from '@/lib/exposure/types';
/**
 * The queue's view models. They are JSON-safe on purpose (dates as ISO strings): the server page's initial
 * data and the route handlers' refetches then have exactly the same shape, so client code has one type.
 * Type-only module: client components import it without pulling server code.
 */
import type { CaseBadge } from '@/lib/cases/types';
import type { BrigadeFlag, HoldView } from '@/lib/holding/types';
import type { WatchTermRef } from '@/lib/watch/types';
import type { MatchView } from './match-view';

export type QueueSort = 'newest' | 'oldest' | 'priority';
export type QueueStatus = 'open' | 'resolved';
/** 'me' = the latest assignment made through this app was this user's; 'assigned'/'unassigned' read the remote assignee. */
export type AssigneeFilter = 'me' | 'assigned' | 'unassigned' | 'any';

export interface QueueRow {
  id: string;
  instance: { id: string; name: string; kind: string };
  remoteId: string;
  category: string;
  /** Plain text, at most 200 characters; render as escaped text only. */
  excerpt: string;
  target: { acct: string; displayName: string; domain: string | null };
  reporterAcct: string | null;
  assigneeAcct: string | null;
  mediaCount: number;
  statusCount: number;
  priority: number;
  remoteCreatedAt: string;
  status: QueueStatus;
  /** The report's best hash match, or null. */
  match: MatchView | null;
  /**
   * The open (or purging) case the report is linked to. Without an instance filter a case's reports are grouped:
   * this row stands for `case.reports` reports on `case.instances` instances.
   */
  case: CaseBadge | null;
  /** First media of the report with a preview, shown as a small blurred tile (/api/media/[id]/preview). */
  thumbMediaId: string | null;
  /** Team tags on the report (lib/tags), sorted. */
  tags: string[];
  /** An open escalation on the report (lib/escalations), or null. */
  escalation: { reason: string; raisedBy: string } | null;
  /** Who is working this report (or its case) right now (lib/claims), or null. */
  claim: QueueClaim | null;
  /** Issue 14: a report the server received, or a post a watch list caught. */
  kind: 'report' | 'watch';
  /** Watch items: the terms that caught the post. */
  watch: WatchTermRef[] | null;
  /** The hold waiting for a human on this item (lib/holding), or null. */
  hold: HoldView | null;
  /** A likely brigade among the reports against this account, or null. */
  brigade: BrigadeFlag | null;
}

export interface QueueClaim {
  userId: string;
  label: string;
  /** The claim is the viewing actor's own. */
  mine: boolean;
}

export interface InstanceCount {
  instanceId: string;
  name: string;
  kind: string;
  open: number;
}

export interface QueuePage {
  items: QueueRow[];
  nextCursor: string | null;
  counts: InstanceCount[];
  /** The asking person against the team's exposure limits (issue 15); when limited, severe reports are left out
   * of this page and the queue says why. Absent for system callers. */
  exposure?: ExposureStatus;
  /**
   * Issue 14: items whose hold waits for a human, pinned above the list whatever the sort or page (first page only;
   * empty on later pages), oldest due first; they are left out of `items`. Same filters as the list (instance,
   * visibility, exposure), at most 50.
   */
  held: QueueRow[];
}
