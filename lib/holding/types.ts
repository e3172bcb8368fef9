/**
 * The holding cell's shared shapes (issue 14). A rule watches one kind of trusted signal; when the signal crosses
 * its threshold on a queue item, the rule holds it: the most reversible step the server kind offers at or above the
 * rule's level goes through the outbox (live) or is only recorded (dry run), the item is pinned above the queue,
 * and a human confirms or undoes it. Report weighting (score-reports.ts) is one of the signals; a likely brigade is
 * flagged and never fires a rule.
 */
import type { ServerKind } from '@/lib/connectors/types';

export const HOLD_TRIGGERS = ['bank_match', 'outside_match', 'report_score', 'watch_hit'] as const;
export type HoldTrigger = (typeof HOLD_TRIGGERS)[number];

/** The mildest kind of step a rule takes: hide the media behind a warning, hide/limit the post or account, suspend. */
export const HOLD_LEVELS = ['sensitive', 'hide', 'suspend'] as const;
export type HoldLevel = (typeof HOLD_LEVELS)[number];

export type HoldMode = 'live' | 'dry_run';

export type HoldStateName = 'would_hold' | 'holding' | 'held' | 'not_hidden' | 'confirmed' | 'undoing' | 'undone';

/** What fired, as stored on the Hold row (`signal`) and shown to the moderator. */
export interface HoldSignal {
  trigger: HoldTrigger;
  /** bank_match / outside_match: the matched bank's (or service's) severity 1-5 and label. */
  severity?: number;
  label?: string | null;
  /** The local bank name, or for outside_match the service's name and its bank. */
  bank?: string | null;
  service?: string | null;
  distance?: number | null;
  mediaId?: string | null;
  /** report_score: the weighted score and the counts behind it. */
  score?: number;
  reporters?: number;
  instances?: number;
  /** watch_hit: the term that caught the post. */
  term?: { kind: string; value: string } | null;
}

/**
 * What a trigger hands to evaluateHolds: the queue items (Report ids) the signal concerns, and the signal itself.
 * Callers: lib/matching/match-media.ts (bank_match), lib/matchers (outside_match), lib/holding/update-report-scores.ts
 * (report_score), lib/watch (watch_hit).
 */
export interface HoldTriggerInput {
  reportIds: string[];
  signal: HoldSignal;
}

/**
 * The action input (lib/actions/action-input.ts shape, as the report page sends it) for the hide and its undo.
 * `label`: what the moderator reads ("Marked the post sensitive", "Suspended the account pending review").
 */
export interface HoldStep {
  level: HoldLevel;
  label: string;
  /** Subject of the step: the post (statusId = our Status id) or the account. */
  subject: 'status' | 'account';
  action: Record<string, unknown>;
  undo: Record<string, unknown>;
}

/** The planner's answer for one server kind and subject: a step, or why there is none. */
export type PlannedStep = { step: HoldStep; reason?: undefined } | { step: null; reason: string };

export interface PlanInput {
  kind: ServerKind;
  level: HoldLevel;
  allowSuspend: boolean;
  /** Our Status id and its remote id, where the item carries a post. */
  status: { id: string; remoteId: string; visibility?: string | null } | null;
  hasMedia: boolean;
}

export interface HoldRuleInput {
  name: string;
  trigger: HoldTrigger;
  mode: HoldMode;
  enabled: boolean;
  minSeverity: number;
  labels: string[];
  minScore: number;
  level: HoldLevel;
  allowSuspend: boolean;
  reviewMinutes: number;
  instanceIds: string[];
}

export interface RuleStats {
  /** Times the rule fired (live and dry run). */
  hits: number;
  /** Live holds placed (hidden or pinned). */
  holds: number;
  /** Dry-run records: what it would have held. */
  wouldHold: number;
  confirmations: number;
  reversals: number;
  /** Holds still waiting for a human, and how many of those are past their review time. */
  pending: number;
  overdue: number;
}

export interface RuleView extends HoldRuleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  stats: RuleStats;
}

/** One hold as the queue row, the report page and the rules page show it. */
export interface HoldView {
  id: string;
  ruleId: string;
  ruleName: string;
  reportId: string;
  instanceId: string;
  instanceName: string;
  state: HoldStateName;
  dryRun: boolean;
  signal: HoldSignal;
  /** The step's label ("Marked the account's media sensitive"), or null when nothing was hidden. */
  stepLabel: string | null;
  reason: string | null;
  dueAt: string;
  overdue: boolean;
  decision: 'confirmed' | 'undone' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  /** A human may confirm or undo it now (held, not_hidden, or holding). */
  decidable: boolean;
}

/** A likely brigade, stored on Report.brigade and shown on the row and the report page. */
export interface BrigadeFlag {
  /** Plain sentences: "31 of 40 reporters' accounts were made within 2 days of each other". */
  reasons: string[];
  reports: number;
  reporters: number;
  instances: number;
  /** Share of reporters whose accounts are under the "new account" age, 0-1. */
  freshShare: number;
  flaggedAt: string;
}
