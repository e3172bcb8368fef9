'use client';
/**
 * The report page's flow around actions. It shares the action panel's query (same key), so it costs no request:
 * - while an action of this report is pending or running, the report itself is refetched every 2 s, and each
 *   action that lands refreshes it at once, so status, assignee and flags change without a reload;
 * - when a resolve or reject requested on this page is done and the moderator came from the queue, the next report
 *   of the queue opens (or the queue itself when none is left).
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useReportActions } from '@/components/actions/use-report-actions';
import { backToQueueHref, nextReportId, readQueueContext, saveQueueContext } from '@/components/queue/queue-context';
import { doneIds, hasActionInFlight, newlyFinished } from './follow-actions';
import { handledReports, markHandled } from './handled-reports';
import { requestedHere } from './requested-here';

export function useReportFlow(reportId: string, openedFrom: string | null) {
  const qc = useQueryClient();
  const { query } = useReportActions(reportId);
  const actions = query.data?.actions ?? null;
  const doneAtLoad = useRef<Set<string> | null>(null);
  const [backHref, setBackHref] = useState('/queue');
  const [leaving, setLeaving] = useState(false);

  // sessionStorage exists only in the browser: read after mount so the server render and hydration agree.
  useEffect(() => { setBackHref(backToQueueHref(readQueueContext(), reportId)); }, [reportId]);

  const doneKey = actions ? doneIds(actions).join(',') : '';
  useEffect(() => {
    if (!actions) return;
    if (!doneAtLoad.current) doneAtLoad.current = new Set(doneIds(actions));
    else void qc.invalidateQueries({ queryKey: ['report', reportId] });
    if (leaving || !newlyFinished(actions, doneAtLoad.current, requestedHere())) return;
    const ctx = readQueueContext();
    // Only a moderator working through the queue is moved on; a report opened from a link stays put.
    const fromQueue = ctx !== null && (ctx.selectedId === reportId || openedFrom !== null);
    if (!fromQueue) return;
    markHandled(reportId);
    setLeaving(true);
    const next = nextReportId(ctx, reportId, handledReports());
    // A full page load, not router.push: a client navigation started from this effect could stay pending behind
    // the page's own refetches and never commit (seen in Chromium under load), leaving the moderator on the report
    // they just closed. A fresh load also starts the next report with every media item blurred again.
    if (next) {
      saveQueueContext({ ...ctx, selectedId: next });
      window.location.assign(`/reports/${next}?from=${reportId}`);
    } else {
      window.location.assign(backToQueueHref(ctx, reportId));
    }
    // doneKey stands for `actions` here: the effect runs when an action lands, not on every poll.
  }, [doneKey, reportId]);

  return { inFlight: actions ? hasActionInFlight(actions) : false, backHref, leaving };
}
