/** Browser-side calls for purge and receipts. Errors carry the server's user message (never raw internals). */
import { requestJson } from '@/components/api/request';
import type { PurgeChoice, PurgePlan, PurgeRunView } from '@/lib/purge/types';

const call = requestJson;

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
