/** Browser-side calls for purge and receipts. Errors carry the server's user message (never raw internals). */
import type { PurgeChoice, PurgePlan, PurgeRunView } from '@/lib/purge/types';

async function call<T>(url: string, init?: { method: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? 'GET',
    headers: { Accept: 'application/json', ...(init?.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; issues?: { message: string }[] } };
  if (!res.ok) throw new Error(body.error?.issues?.[0]?.message ?? body.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

const base = (caseId: string) => `/api/cases/${caseId}/purge`;

export const fetchPurgePlan = (caseId: string) => call<PurgePlan>(`${base(caseId)}/plan`);
export const fetchPurgeRun = (caseId: string) => call<PurgeRunView | null>(base(caseId));
export const startPurgeCall = (caseId: string, choices: PurgeChoice[]) =>
  call<{ runId: string; evidenceId: string; needsAdmin: number }>(base(caseId), { method: 'POST', body: { choices } });
export const approveStepsCall = (caseId: string, runId: string) => call<{ approved: number }>(`${base(caseId)}/${runId}/approve`, { method: 'POST' });
export const cancelStepsCall = (caseId: string, runId: string) => call<{ skipped: number }>(`${base(caseId)}/${runId}/cancel`, { method: 'POST' });
export const recheckCall = (caseId: string, runId: string, instanceId: string) =>
  call<{ ok: true }>(`${base(caseId)}/${runId}/recheck`, { method: 'POST', body: { instanceId } });
export const acceptCopyCall = (caseId: string, copyId: string, reason: string) =>
  call<{ receiptId: string }>(`/api/cases/${caseId}/copies/${copyId}/accept`, { method: 'POST', body: { reason } });
