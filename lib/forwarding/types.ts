/**
 * Forwarding a case to the origin server's moderators: view models (JSON-safe, type-only module).
 * One live forward per case and origin domain (prisma CaseForward, partial unique index).
 */

export type ForwardMethod = 'instance_forward' | 'origin_report' | 'message';
export type ForwardState = 'queued' | 'sent' | 'failed' | 'prepared' | 'marked_sent' | 'discarded';

/** One way to reach the origin, as planned from the case (lib/forwarding/plan-forwards.ts). */
export interface ForwardOption {
  /** Stable key the UI posts back: `${method}:${instanceId ?? 'none'}`. */
  key: string;
  method: ForwardMethod;
  instance: { id: string; name: string; kind: string } | null;
  /** instance_forward / origin_report: the connector action that will be queued (report.forward or report.create). */
  actionKind: 'report.forward' | 'report.create' | null;
  /** Plain words: what happens, e.g. "Misskey (misskey.test) forwards its open report to spreader.test as a Flag". */
  label: string;
  /** Why this option cannot be used now, or null. */
  unavailable: string | null;
}

export interface ForwardView {
  id: string;
  domain: string;
  method: ForwardMethod;
  instance: { id: string; name: string; kind: string } | null;
  state: ForwardState;
  /** The outbox's error for a failed send. */
  error: string | null;
  message: string | null;
  contact: string | null;
  contactSource: string | null;
  createdBy: string;
  createdAt: string;
  sentAt: string | null;
}

export interface CaseForwardPanel {
  /** The origin's domain, or null when the case does not know it (then nothing can be forwarded). */
  domain: string | null;
  options: ForwardOption[];
  /** Newest first. */
  forwards: ForwardView[];
  /** A live forward exists: the options are shown only when there is none. */
  live: boolean;
  can: { forward: boolean };
}
