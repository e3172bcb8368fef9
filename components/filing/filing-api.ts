/** Browser-side calls for CyberTipline filings. Errors carry the server's user message (never raw internals). */
import { requestJson } from '@/components/api/request';
import type { CaseFilingPanel, FilingPreview, FilingView } from '@/lib/filing/types';

const call = requestJson;
const base = (caseId: string) => `/api/cases/${caseId}/filings`;

export const fetchFilingPanel = (caseId: string) => call<CaseFilingPanel>(base(caseId));
export const prepareFilingCall = (caseId: string) => call<FilingPreview>(`${base(caseId)}/preview`, { method: 'POST' });
/** Posts the hash of the preview the person reviewed: the server refuses if the report changed since. */
export const fileCaseCall = (caseId: string, reportSha256: string) =>
  call<{ filing: FilingView; created: boolean }>(base(caseId), { method: 'POST', body: { to: 'ncmec', reportSha256 } });
export const retryFilingCall = (filingId: string) => call<FilingView>(`/api/filings/${filingId}/retry`, { method: 'POST' });
export const retractFilingCall = (filingId: string) => call<FilingView>(`/api/filings/${filingId}/retract`, { method: 'POST' });
