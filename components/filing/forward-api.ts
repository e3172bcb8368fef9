/** Browser-side calls for forwarding a case to its origin. Errors carry the server's user message. */
import { requestJson } from '@/components/api/request';
import type { CaseForwardPanel, ForwardView } from '@/lib/forwarding/types';

const call = requestJson;

export const fetchForwardPanel = (caseId: string) => call<CaseForwardPanel>(`/api/cases/${caseId}/forwards`);
export const forwardCaseCall = (caseId: string, key: string) => call<ForwardView>(`/api/cases/${caseId}/forwards`, { method: 'POST', body: { key } });
export const markForwardSentCall = (forwardId: string) => call<ForwardView>(`/api/forwards/${forwardId}/sent`, { method: 'POST' });
export const discardForwardCall = (forwardId: string) => call<ForwardView>(`/api/forwards/${forwardId}/discard`, { method: 'POST' });
