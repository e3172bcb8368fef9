/**
 * Browser-side calls for evidence. Errors carry the server's user message. Bytes (the ZIP, one item) come back as a
 * Blob: the requests are POSTs with a reason, so a plain link cannot fetch them.
 */
import { send } from '@/components/api/request';
import type { EvidenceItemList } from '@/lib/evidence/list-evidence-items';
import type { EvidencePanel } from '@/lib/evidence/types';

export type { EvidenceItemList };

const call = async <T>(url: string, method = 'GET', body?: unknown): Promise<T> => (await (await send(url, method, body)).json()) as T;

export const fetchEvidencePanel = (caseId: string) => call<EvidencePanel>(`/api/cases/${caseId}/evidence`);

export const sealEvidenceCall = (caseId: string, reason: string) =>
  call<{ evidenceId: string; version: number; manifestSha256: string; sealedAt: string }>(`/api/cases/${caseId}/evidence`, 'POST', { reason });

export const fetchEvidenceItems = (evidenceId: string) => call<EvidenceItemList>(`/api/evidence/${evidenceId}`);

export const extendRetentionCall = (evidenceId: string, retainUntil: string) => call<{ ok: true }>(`/api/evidence/${evidenceId}`, 'PATCH', { retainUntil });

export const setHoldCall = (evidenceId: string, hold: boolean, reason: string) => call<{ ok: true }>(`/api/evidence/${evidenceId}`, 'PATCH', { hold, reason });

/** The file name the server chose (Content-Disposition), else a fallback. */
export function dispositionName(header: string | null, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(header ?? '');
  return m?.[1] ?? fallback;
}

export async function exportEvidenceCall(caseId: string, reason: string, evidenceId?: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send(`/api/cases/${caseId}/evidence/export`, 'POST', { reason, ...(evidenceId ? { evidenceId } : {}) });
  return { blob: await res.blob(), filename: dispositionName(res.headers.get('Content-Disposition'), 'evidence.zip') };
}

export async function openEvidenceItemCall(evidenceId: string, n: number, reason: string): Promise<{ blob: Blob; mime: string }> {
  const res = await send(`/api/evidence/${evidenceId}/items/${n}`, 'POST', { reason });
  return { blob: await res.blob(), mime: res.headers.get('Content-Type') ?? 'application/octet-stream' };
}

/** Saves a Blob as a download (object URL + a temporary link), then lets the URL go. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const saveEvidenceSettings = (retentionDays: number) => call<{ retentionDays: number }>('/api/settings/evidence', 'PUT', { retentionDays });
