/** Browser-side calls for the queue. Errors carry the server's user message (never raw internals). */
import type { QueuePage } from '@/lib/queue/types';
import type { BulkResult } from '@/lib/queue/bulk-request';
import type { ActionKind } from '@/lib/connectors/types';
import { requestJson } from '@/components/api/request';

/** How long a resolve from the queue waits before it is sent: the Undo toast shows for the same time. */
export const UNDO_SECONDS = 5;

export async function fetchQueuePage(query: string, cursor?: string | null): Promise<QueuePage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set('cursor', cursor);
  return requestJson<QueuePage>(`/api/queue?${params}`);
}

export async function requestReportAction(reportId: string, kind: ActionKind, holdSeconds?: number): Promise<{ actionId: string; sendAt: string | null }> {
  return requestJson(`/api/reports/${reportId}/actions`, { method: 'POST', body: { kind, ...(holdSeconds ? { holdSeconds } : {}) } });
}

/** Withdraws a held action; rejects with "Too late to undo…" once the worker has taken it. */
export async function cancelReportAction(actionId: string): Promise<void> {
  await requestJson(`/api/actions/${actionId}/cancel`, { method: 'POST', body: {} });
}

export type BulkKind = 'report.resolve' | 'report.assign_to_self';

export async function requestBulk(reportIds: string[], kind: BulkKind, holdSeconds?: number): Promise<{ results: BulkResult[] }> {
  return requestJson('/api/queue/bulk', { method: 'POST', body: { reportIds, action: { kind }, ...(holdSeconds ? { holdSeconds } : {}) } });
}

/** Team tags on many reports at once (helper "notes" owns /api/tags). */
export async function tagReports(reportIds: string[], tag: string): Promise<void> {
  await requestJson('/api/tags', { method: 'POST', body: { subjectType: 'report', subjectKeys: reportIds, add: [tag] } });
}
