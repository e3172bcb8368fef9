/**
 * Purge and receipt view models (JSON-safe: dates as ISO strings), shared by the verbs, the route handlers, the
 * case page and the CLI. Type-only module: client components import it without pulling server code.
 */
import type { ActionKind, PurgeOption } from '@/lib/connectors/types';

export type ReceiptVerdict = 'removed' | 'still_served' | 'cannot_verify' | 'accepted';
export type PurgeStepState = 'waiting' | 'needs_admin' | 'queued' | 'done' | 'failed' | 'skipped';

/** One step as the plan shows it, filled in for one copy (or one account/host shared by several copies). */
export interface PlannedStep {
  kind: ActionKind;
  /** The ConnectorAction to send, with this instance's own ids. */
  payload: Record<string, unknown>;
  /** The case copies this step removes. */
  copyIds: string[];
  /** Only an admin may confirm it (lib/auth/policy.ts ADMIN_ONLY_ACTIONS): a moderator's plan waits for approval. */
  needsAdmin: boolean;
  /** Moderator-facing sentence, e.g. "Delete note 9k2x (and its file)". */
  label: string;
}

/** One option for one instance, as built from the kind's capabilities.purge and that instance's copies. */
export interface PlannedOption {
  id: string;
  label: string;
  reach: PurgeOption['reach'];
  reversible: boolean;
  removesFile: boolean;
  note: string;
  steps: PlannedStep[];
  /** Set when the copies lack what this option needs (e.g. no account id known): it cannot be chosen. */
  unavailable: string | null;
}

export interface PlannedInstance {
  instance: { id: string; name: string; kind: string; baseUrl: string };
  /** The case copies on this instance that the purge targets (present or still served; removed ones are left out). */
  copyIds: string[];
  options: PlannedOption[];
  /** The option the plan uses unless the moderator picks another: the first available one. null: none available. */
  defaultOptionId: string | null;
  /** Why nothing can be done here (no option available, or the kind cannot remove anything), else null. */
  blocked: string | null;
}

/** The plan shown before anything runs. */
export interface PurgePlan {
  caseId: string;
  instances: PlannedInstance[];
  /**
   * Connected instances that hold no copy we know of but could not be checked (their lookup said cannot_check):
   * the run gives each an instance-level "cannot verify" receipt so nobody reads silence as "removed".
   */
  unchecked: { instance: { id: string; name: string; kind: string }; reason: string }[];
  /** Whether evidence will be sealed first (no seal yet covers every targeted copy). */
  sealsFirst: boolean;
}

/** What the moderator confirms: per instance the option id (absent: the default), or 'skip' to leave it out. */
export interface PurgeChoice {
  instanceId: string;
  optionId: string | 'skip';
}

/**
 * PurgeRun.plan: the plan as confirmed, with the option chosen per instance ('skip' ones are left out of `choices`).
 * `checkOnly` are instances with copies but no available option: they get receipts (the truth) but no steps.
 */
export interface PurgeRunPlan extends PurgePlan {
  choices: { instanceId: string; optionId: string }[];
  checkOnly: string[];
}

export interface ReceiptCheck {
  what: 'media_url' | 'post_url' | 'lookup';
  url: string | null;
  httpStatus: number | null;
  /** SHA-256 of the bytes the URL served (media_url only). */
  sha256: string | null;
  /** gone | served_same | served_other | found | not_found | not_checked | error */
  result: string;
  error: string | null;
}

export interface ReceiptView {
  id: string;
  copyId: string | null;
  instanceId: string;
  verdict: ReceiptVerdict;
  reason: string;
  httpStatus: number | null;
  servedSha256: string | null;
  checks: ReceiptCheck[];
  checkedAt: string;
  byLabel: string;
}

export interface PurgeStepView {
  id: string;
  instanceId: string;
  position: number;
  kind: ActionKind;
  label: string;
  state: PurgeStepState;
  needsAdmin: boolean;
  approvedAt: string | null;
  detail: string | null;
  /** The outbox row's attempts and last error, when it has one. */
  attempts: number;
  lastError: string | null;
}

/** Per instance progress of a run: steps, then the receipt check rounds. */
export interface PurgeInstanceProgress {
  instance: { id: string; name: string; kind: string };
  optionId: string;
  optionLabel: string;
  steps: PurgeStepView[];
  /** waiting_admin | removing | checking | rechecking | done | failed */
  phase: 'waiting_admin' | 'removing' | 'checking' | 'rechecking' | 'done' | 'failed';
  /** Newest first: the latest receipt of each copy, then the earlier re-checks. */
  receipts: ReceiptView[];
}

export interface PurgeRunView {
  id: string;
  state: 'running' | 'done';
  createdAt: string;
  finishedAt: string | null;
  requestedByLabel: string;
  evidenceId: string | null;
  instances: PurgeInstanceProgress[];
  /** Instance-level receipts of instances that could not be checked at all. */
  unchecked: ReceiptView[];
  /** Counts over the case's copies (latest receipt each). */
  totals: { copies: number; removed: number; stillServed: number; cannotVerify: number; accepted: number; pending: number };
}

/** `cases show CASE --json` per copy (fixed by the issue). */
export interface CopyReceiptJson {
  verdict: ReceiptVerdict;
  checkedAt: string;
  httpStatus: number | null;
}
