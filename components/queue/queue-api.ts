/** Browser-side calls for the queue. Errors carry the server's user message (never raw internals). */
import type { QueuePage } from '@/lib/queue/types';
import type { ActionKind } from '@/lib/connectors/types';

async function readError(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return new Error(body.error?.message ?? `Request failed (${res.status})`);
}

export async function fetchQueuePage(query: string, cursor?: string | null): Promise<QueuePage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set('cursor', cursor);
  const res = await fetch(`/api/queue?${params}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as QueuePage;
}

export async function requestReportAction(reportId: string, kind: ActionKind): Promise<{ actionId: string }> {
  const res = await fetch(`/api/reports/${reportId}/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as { actionId: string };
}
