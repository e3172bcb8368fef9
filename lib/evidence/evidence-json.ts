/** `cases show --json`'s evidence field: the newest live seal, or nulls when none. */
import { db } from '@/lib/db';
import type { EvidenceJson } from './types';

export async function evidenceJson(caseId: string): Promise<EvidenceJson> {
  const row = await db.evidence.findFirst({ where: { caseId, destroyedAt: null }, orderBy: { version: 'desc' }, select: { sealedAt: true, retainUntil: true, manifestSha256: true } });
  return { sealedAt: row?.sealedAt.toISOString() ?? null, retainUntil: row?.retainUntil.toISOString() ?? null, manifestSha256: row?.manifestSha256 ?? null };
}
