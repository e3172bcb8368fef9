/**
 * The hashes a case is recognised by (CaseSignal): its primary media's PDQ (when it passes the quality gate) and
 * every exact hash of its copies, so a later byte-identical copy of ANY copy (e.g. the rotated re-encode) joins by hash.
 * New rows get growing ids: that is how every process's case index (case-index.ts) learns about them.
 */
import type { Tx } from '@/lib/db';

export interface SignalInput { signalType: 'pdq' | 'md5' | 'sha256'; value: string }

export function exactSignals(m: { sha256: string | null; md5: string | null }): SignalInput[] {
  return [
    ...(m.sha256 ? [{ signalType: 'sha256' as const, value: m.sha256.toLowerCase() }] : []),
    ...(m.md5 ? [{ signalType: 'md5' as const, value: m.md5.toLowerCase() }] : []),
  ];
}

export async function addCaseSignals(tx: Tx, caseId: string, signals: readonly SignalInput[]): Promise<number> {
  if (signals.length === 0) return 0;
  const out = await tx.caseSignal.createMany({ data: signals.map((s) => ({ caseId, ...s })), skipDuplicates: true });
  return out.count;
}
