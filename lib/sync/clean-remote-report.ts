/**
 * Defence in depth at the database's door: the same exit check every connector runs (contract I5,
 * lib/connectors/shared/writable-report.ts), applied again to whatever reaches a write (a connector that forgot it,
 * a webhook parser, an action's fresh read). Postgres rejects U+0000 and an invalid date makes Prisma throw, either
 * of which would fail a whole page. The check is idempotent, so a report that passed it once hashes the same here.
 */
import type { RemoteReport } from '@/lib/connectors/types';
import { cleanText, toWritableReport, type WritableResult } from '@/lib/connectors/shared/writable-report';

export { cleanText };
export type CleanResult = WritableResult;

export function cleanRemoteReport(r: RemoteReport): CleanResult {
  try {
    const out = toWritableReport(r);
    return out.ok ? out : { ok: false, error: `report ${out.error}` };
  } catch (e) {
    // A shape no connector should produce (a missing target, a non-array): one line, no report text.
    return { ok: false, error: `report is malformed (${e instanceof Error ? e.name : 'error'})` };
  }
}
