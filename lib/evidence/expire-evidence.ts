/**
 * The daily expiry (worker job Q.evidenceExpire): destroys the bytes of seals whose retention ended, unless on
 * legal hold. The manifest, its hashes and the row stay (what was held, and that it was destroyed, stays provable);
 * `evidence.destroyed` is audited. Each seal is re-checked under its case's row lock, the same lock a legal hold
 * takes, so a hold placed a moment before is always honoured. The blobs are deleted inside that transaction: if
 * the commit then fails, the row still says live with its bytes gone, `evidence verify` shows it, and the next run
 * deletes again (deletes are idempotent) and records it.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { lockCaseRow } from '@/lib/cases/case-access';
import { evidenceKey, getEvidenceStore } from './evidence-store';
import { parseManifest } from './manifest-schema';

export const EXPIRY_SETTING_KEY = 'evidence.expiry';
const actor: Actor = { type: 'system', label: 'evidence.expire' };
const BATCH = 200;

export async function expireEvidence(now: Date = new Date()): Promise<{ destroyed: number }> {
  let destroyed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const due = await db.evidence.findMany({
      where: { retainUntil: { lt: now }, legalHold: false, destroyedAt: null, id: { notIn: [...skipped] } },
      orderBy: { retainUntil: 'asc' }, take: BATCH, select: { id: true, caseId: true },
    });
    for (const d of due) {
      if (await destroyOne(d.id, d.caseId, now)) destroyed++;
      else skipped.add(d.id);
    }
    if (due.length < BATCH) break;
  }
  await db.setting.upsert({ where: { key: EXPIRY_SETTING_KEY }, create: { key: EXPIRY_SETTING_KEY, value: { lastRunAt: now.toISOString() } }, update: { value: { lastRunAt: now.toISOString() } } });
  return { destroyed };
}

async function destroyOne(evidenceId: string, caseId: string, now: Date): Promise<boolean> {
  const store = await getEvidenceStore();
  return db.$transaction(async (tx) => {
    await lockCaseRow(tx, caseId);
    const row = await tx.evidence.findUnique({ where: { id: evidenceId } });
    if (!row || row.legalHold || row.destroyedAt || row.retainUntil >= now) return false;
    // Every key the seal may have written: the row's count, and the manifest's numbers should it disagree.
    const ns = new Set(Array.from({ length: row.itemCount }, (_, n) => n));
    for (const item of parseManifest(row.manifest)?.items ?? []) ns.add(item.n);
    for (const n of ns) await store.delete(evidenceKey(row.id, n));
    await tx.evidence.update({ where: { id: row.id }, data: { destroyedAt: new Date() } });
    await recordEvent(tx, { actor, action: 'evidence.destroyed', targetType: 'case', targetId: caseId, details: { evidenceId: row.id, manifestSha256: row.manifestSha256, items: row.itemCount } });
    return true;
  }, { timeout: 120_000, maxWait: 30_000 });
}
