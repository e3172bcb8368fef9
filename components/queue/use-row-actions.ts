'use client';

/**
 * r / a from the queue: request the action through the lead's outbox endpoint and show its state on the row.
 * The row stays where it is; the live refresh later shows it as gone (resolved) or assigned.
 */
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueueRow } from '@/lib/queue/types';
import { requestReportAction } from './queue-api';
import type { RowNote } from './queue-row';

const LABELS = {
  'report.resolve': { busy: 'Resolving…', done: 'Resolve requested', verb: 'resolve' },
  'report.assign_to_self': { busy: 'Assigning…', done: 'Assigned to you (requested)', verb: 'assign' },
} as const;

export function useRowActions() {
  const qc = useQueryClient();
  const [notes, setNotes] = useState<Record<string, RowNote>>({});
  const [announce, setAnnounce] = useState('');
  const run = useCallback(async (row: QueueRow, kind: keyof typeof LABELS) => {
    const l = LABELS[kind];
    setNotes((n) => ({ ...n, [row.id]: { text: l.busy, tone: 'neutral' } }));
    try {
      await requestReportAction(row.id, kind);
      setNotes((n) => ({ ...n, [row.id]: { text: l.done, tone: 'ok' } }));
      setAnnounce(`${l.done}: report against ${row.target.acct}.`);
      void qc.invalidateQueries({ queryKey: ['report-actions', row.id] });
    } catch (e) {
      const msg = e instanceof Error ? e.message : 'Request failed.';
      setNotes((n) => ({ ...n, [row.id]: { text: `Could not ${l.verb}: ${msg}`, tone: 'danger' } }));
      setAnnounce(`Could not ${l.verb} the report against ${row.target.acct}: ${msg}`);
    }
  }, [qc]);
  return { notes, announce, run };
}
