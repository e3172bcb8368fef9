/**
 * Notification webhooks out (issue 14): a signed generic JSON POST, or a Matrix room message. What is sent names
 * the rule, the instance, the signal and a link to the dashboard: never post text, images or media URLs.
 */
export const NOTIFY_EVENTS = ['hold.placed', 'hold.would_hold', 'hold.overdue'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];
export type NotifyKind = 'json' | 'matrix';

export interface NotifyPayload {
  event: NotifyEvent;
  /** One line a person reads in chat: "Held on Alpha: bank match, severity 5 (csam) — rule Known CSAM". */
  summary: string;
  holdId: string;
  ruleName: string;
  instanceName: string;
  /** Absolute link to the item in the dashboard. */
  url: string;
  severity: number | null;
  label: string | null;
  /** The step taken ("Marked the post sensitive") or null (dry run, or nothing hidden). */
  step: string | null;
  dueAt: string;
  at: string;
}

export interface NotifyHookInput {
  name: string;
  kind: NotifyKind;
  url: string;
  room?: string | null;
  /** Absent: keep the stored secret. */
  secret?: string;
  allowPrivate?: boolean;
  enabled: boolean;
  events: NotifyEvent[];
}

export interface NotifyHookView {
  id: string;
  name: string;
  kind: NotifyKind;
  url: string;
  room: string | null;
  allowPrivate: boolean;
  enabled: boolean;
  events: NotifyEvent[];
  lastStatus: string | null;
  lastError: string | null;
  lastSentAt: string | null;
  pending: number;
}
