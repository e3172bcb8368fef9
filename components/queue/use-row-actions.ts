'use client';

/**
 * r / a / bulk from the queue: request the actions through the outbox endpoints and show their state on the rows.
 * A resolve is held for UNDO_SECONDS (request-action.ts holdSeconds) behind a toast with Undo (also `u`): Undo
 * cancels before anything is sent, or says plainly that it was too late. The rows stay where they are; the live
 * refresh later shows them as gone (resolved) or assigned. Toasts are announced by their own live region, so
 * `announce` only carries what has no toast (assignments).
 */
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueueRow } from '@/lib/queue/types';
import { useToasts } from '@/components/ui/toast';
import { cancelReportAction, requestBulk, requestReportAction, tagReports, UNDO_SECONDS, type BulkKind } from './queue-api';
import type { RowNote } from './queue-row';

const LABELS = {
  'report.resolve': { busy: 'Resolving…', done: 'Resolve requested', verb: 'resolve' },
  'report.assign_to_self': { busy: 'Assigning…', done: 'Assigned to you (requested)', verb: 'assign' },
} as const;

/** The latest held batch, for Undo (button or `u`) until its window closes. */
interface Held { actionIds: string[]; rowIds: string[]; toastId: number; until: number }

const errorText = (e: unknown) => (e instanceof Error ? e.message : 'Request failed.');
const who = (rows: QueueRow[]) => (rows.length === 1 ? `report against ${rows[0]!.target.acct}` : `${rows.length} reports`);

export function useRowActions() {
  const qc = useQueryClient();
  const toast = useToasts();
  const [notes, setNotes] = useState<Record<string, RowNote>>({});
  const [announce, setAnnounce] = useState('');
  const held = useRef<Held | null>(null);
  const note = useCallback((ids: string[], n: RowNote) => setNotes((all) => ({ ...all, ...Object.fromEntries(ids.map((id) => [id, n])) })), []);
  const refresh = useCallback((ids: string[]) => {
    for (const id of ids) void qc.invalidateQueries({ queryKey: ['report-actions', id] });
  }, [qc]);

  /** One report goes to its own endpoint, several to the bulk one; either way one Action per report. */
  const send = useCallback(async (rows: QueueRow[], kind: BulkKind, hold?: number) => {
    if (rows.length === 1) {
      const r = await requestReportAction(rows[0]!.id, kind, hold);
      return { queued: [{ reportId: rows[0]!.id, actionId: r.actionId }], refused: [] as { reportId: string; reason: string }[] };
    }
    const { results } = await requestBulk(rows.map((r) => r.id), kind, hold);
    return {
      queued: results.flatMap((r) => (r.outcome === 'queued' && r.actionId ? [{ reportId: r.reportId, actionId: r.actionId }] : [])),
      refused: results.flatMap((r) => (r.outcome === 'refused' ? [{ reportId: r.reportId, reason: r.reason ?? 'Refused.' }] : [])),
    };
  }, []);

  const undo = useCallback(async () => {
    const h = held.current;
    if (!h || Date.now() > h.until) {
      setAnnounce(h ? 'Too late to undo: the resolve was already sent.' : 'Nothing to undo.');
      return false;
    }
    held.current = null;
    toast.dismiss(h.toastId);
    const outcomes = await Promise.allSettled(h.actionIds.map((id) => cancelReportAction(id)));
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    const undone = h.rowIds.filter((_, i) => outcomes[i]?.status === 'fulfilled');
    note(undone, { text: 'Undone: not sent', tone: 'neutral' });
    const text = failed.length === 0
      ? 'Undone: nothing was sent.'
      : `${undone.length > 0 ? `Undone for ${undone.length}; ` : ''}${errorText(failed[0]!.reason)}`;
    toast.show({ text, tone: failed.length === 0 ? 'ok' : 'danger' });
    refresh(h.rowIds);
    return true;
  }, [note, refresh, toast]);

  /** Resolve with an undo window; the caller has already asked for confirmation where the server cannot reopen. */
  const resolve = useCallback(async (rows: QueueRow[]) => {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    note(ids, { text: LABELS['report.resolve'].busy, tone: 'neutral' });
    try {
      const { queued, refused } = await send(rows, 'report.resolve', UNDO_SECONDS);
      note(queued.map((q) => q.reportId), { text: `Resolving in ${UNDO_SECONDS} s (Undo: u)`, tone: 'ok' });
      for (const r of refused) note([r.reportId], { text: `Could not resolve: ${r.reason}`, tone: 'danger' });
      const queuedRows = rows.filter((r) => queued.some((q) => q.reportId === r.id));
      const text = queued.length === 0
        ? `Could not resolve: ${refused[0]?.reason ?? 'refused.'}`
        : `Resolved ${who(queuedRows)}${refused.length ? ` (${refused.length} refused)` : ''}`;
      if (queued.length === 0) {
        toast.show({ text, tone: 'danger' });
        return;
      }
      const toastId = toast.show({ text, action: { label: 'Undo', onClick: () => void undo() }, durationMs: UNDO_SECONDS * 1000 });
      // The window closes a little before the server's, so an Undo that is offered can still arrive in time.
      held.current = { actionIds: queued.map((q) => q.actionId), rowIds: queued.map((q) => q.reportId), toastId, until: Date.now() + UNDO_SECONDS * 1000 - 300 };
      refresh(ids);
    } catch (e) {
      const msg = errorText(e);
      note(ids, { text: `Could not resolve: ${msg}`, tone: 'danger' });
      toast.show({ text: `Could not resolve the ${who(rows)}: ${msg}`, tone: 'danger' });
    }
  }, [note, refresh, send, toast, undo]);

  const assign = useCallback(async (rows: QueueRow[]) => {
    if (rows.length === 0) return;
    const l = LABELS['report.assign_to_self'];
    const ids = rows.map((r) => r.id);
    note(ids, { text: l.busy, tone: 'neutral' });
    try {
      const { queued, refused } = await send(rows, 'report.assign_to_self');
      note(queued.map((q) => q.reportId), { text: l.done, tone: 'ok' });
      for (const r of refused) note([r.reportId], { text: `Could not assign: ${r.reason}`, tone: 'danger' });
      setAnnounce(`${l.done}: ${queued.length === 1 && rows.length === 1 ? who(rows) : `${queued.length} reports`}${refused.length ? `, ${refused.length} refused` : ''}.`);
      refresh(ids);
    } catch (e) {
      const msg = errorText(e);
      note(ids, { text: `Could not ${l.verb}: ${msg}`, tone: 'danger' });
      setAnnounce(`Could not ${l.verb} the ${who(rows)}: ${msg}`);
    }
  }, [note, refresh, send]);

  const tag = useCallback(async (rows: QueueRow[], value: string) => {
    const ids = rows.map((r) => r.id);
    try {
      await tagReports(ids, value);
      note(ids, { text: `Tagged ${value.trim().toLowerCase()}`, tone: 'ok' });
      const text = `Tagged ${who(rows)} “${value.trim().toLowerCase()}”.`;
      toast.show({ text, tone: 'ok' });
      void qc.invalidateQueries({ queryKey: ['queue'] });
      return true;
    } catch (e) {
      const text = `Could not tag: ${errorText(e)}`;
      toast.show({ text, tone: 'danger' });
      return false;
    }
  }, [note, qc, toast]);

  return { notes, announce, resolve, assign, tag, undo, toasts: toast.toasts, dismissToast: toast.dismiss };
}
