/**
 * What `cases show CASE --json` adds for issue 10 (fixed by the issue: scripts read it): per copy its latest
 * receipt `{verdict, checkedAt, httpStatus}` or null, and the case's `evidence: {sealedAt, retainUntil,
 * manifestSha256}` (the newest live seal). Callers have already checked that the actor may see the case.
 */
import { evidenceJson } from '@/lib/evidence/evidence-json';
import type { EvidenceJson } from '@/lib/evidence/types';
import { latestReceipts } from './latest-receipts';
import type { CopyReceiptJson } from './types';

export async function withPurgeJson<C extends object, R extends { copies: C[] }>(
  caseId: string, row: R, copyIds: string[],
): Promise<Omit<R, 'copies'> & { copies: (C & { receipt: CopyReceiptJson | null })[]; evidence: EvidenceJson }> {
  const receipts = await latestReceipts(caseId);
  const copies = row.copies.map((c, i) => {
    const r = receipts.get(copyIds[i]);
    return { ...c, receipt: r ? { verdict: r.verdict, checkedAt: r.checkedAt, httpStatus: r.httpStatus } : null };
  });
  return { ...row, copies, evidence: await evidenceJson(caseId) };
}
