/** Browser-side calls for cases. Errors carry the server's user message (never raw internals). */
import { requestJson } from '@/components/api/request';
import type { CaseDetail, CaseListPage } from '@/lib/cases/types';

const call = requestJson;

export type CaseListState = 'active' | 'open' | 'closed' | 'all';

export const fetchCases = (state: CaseListState, cursor?: string | null) =>
  call<CaseListPage>(`/api/cases?${new URLSearchParams({ state, ...(cursor ? { cursor } : {}) })}`);

export const fetchCase = (id: string) => call<CaseDetail>(`/api/cases/${id}`);

export const openCaseFor = (target: { reportId: string } | { mediaId: string }) =>
  call<{ caseId: string; number: number; created: boolean }>('/api/cases', { method: 'POST', body: target });

export type CasePatch = { title?: string; severity?: number; label?: string | null; state?: 'open' | 'closed'; reason?: string; assigneeId?: string | null };
export const patchCase = (id: string, patch: CasePatch) => call<CaseDetail>(`/api/cases/${id}`, { method: 'PATCH', body: patch });

export const addNote = (id: string, body: string) => call<{ id: string }>(`/api/cases/${id}/notes`, { method: 'POST', body: { body } });

export const searchAgain = (id: string) => call<{ instances: number }>(`/api/cases/${id}/search`, { method: 'POST' });

export const resolveCaseCall = (id: string, input: { resolveReports: boolean; comment?: string }) =>
  call<{ actionIds: string[] }>(`/api/cases/${id}/resolve`, { method: 'POST', body: input });
