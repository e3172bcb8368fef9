/** CaseForward rows as the case page and the API show them, with the outbox's error for a failed send. */
import { db, type Tx } from '@/lib/db';
import type { StaffLabeler } from '@/lib/team/staff-labeler';
import type { ForwardMethod, ForwardState, ForwardView } from './types';

/** The states the one-live-forward index counts (migration 20261204000000_filing): a failed or discarded one can be replaced. */
export const LIVE_STATES: ForwardState[] = ['queued', 'sent', 'prepared', 'marked_sent'];

const METHODS: ForwardMethod[] = ['instance_forward', 'origin_report', 'message'];
const STATES: ForwardState[] = ['queued', 'sent', 'failed', 'prepared', 'marked_sent', 'discarded'];

export const FORWARD_ROW = { instance: { select: { id: true, name: true, kind: true } } } as const;

export interface ForwardRow {
  id: string; domain: string; method: string; state: string; actionId: string | null; message: string | null; contact: string | null;
  contactSource: string | null; createdById?: string | null; createdByLabel: string; createdAt: Date; sentAt: Date | null;
  instance: { id: string; name: string; kind: string } | null;
}

export function forwardView(row: ForwardRow, actionError: string | null, label?: StaffLabeler): ForwardView {
  const state = STATES.find((s) => s === row.state) ?? 'failed';
  return {
    id: row.id, domain: row.domain, method: METHODS.find((m) => m === row.method) ?? 'message',
    instance: row.instance, state, error: state === 'failed' ? actionError : null,
    message: row.message, contact: row.contact, contactSource: row.contactSource, createdBy: label ? label(row.createdById, row.createdByLabel) : row.createdByLabel,
    createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Newest first, each with its outbox action's last error. */
export async function loadForwardViews(tx: Tx | typeof db, caseId: string, label?: StaffLabeler): Promise<ForwardView[]> {
  const rows = await tx.caseForward.findMany({ where: { caseId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: FORWARD_ROW });
  return withErrors(tx, rows, label);
}

export async function withErrors(tx: Tx | typeof db, rows: ForwardRow[], label?: StaffLabeler): Promise<ForwardView[]> {
  const ids = rows.flatMap((r) => (r.actionId ? [r.actionId] : []));
  const actions = ids.length ? await tx.action.findMany({ where: { id: { in: ids } }, select: { id: true, lastError: true } }) : [];
  const errors = new Map(actions.map((a) => [a.id, a.lastError]));
  return rows.map((r) => forwardView(r, r.actionId ? (errors.get(r.actionId) ?? null) : null, label));
}
