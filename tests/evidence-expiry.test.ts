/**
 * Retention: expiry (injected clock) destroys only expired, unheld, undestroyed seals, deletes their blobs, keeps
 * the manifest and its hashes, audits `evidence.destroyed`, and is idempotent; a held or extended seal is untouched
 * until the hold is lifted or its new date passes. Only admins extend (later only) or hold (with a reason). The
 * minute tick queues the sweep once a day.
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import * as enqueue from '@/lib/jobs/enqueue';
import { evidenceInnerStore, evidenceKey } from '@/lib/evidence/evidence-store';
import { evidenceJson } from '@/lib/evidence/evidence-json';
import { expireEvidence } from '@/lib/evidence/expire-evidence';
import { runEvidenceExpiryTick } from '@/lib/evidence/expiry-tick';
import { extendRetention } from '@/lib/evidence/extend-retention';
import { getEvidenceSettings, updateEvidenceSettings } from '@/lib/evidence/evidence-settings';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { setLegalHold } from '@/lib/evidence/set-legal-hold';
import { verifyEvidence } from '@/lib/evidence/verify-evidence';
import { makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';
import { openCase } from '@/lib/cases/open-case';
import { persistActor, systemActor, userActor } from './support/fixtures';

vi.mock('@/lib/cases/request-copy-search', () => ({ requestCopySearch: vi.fn(async () => ({ instances: 0 })) }));

const DAY = 86_400_000;
const sys = { ctx: { actor: systemActor } };
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000d1');
const mod = userActor('moderator', null, '00000000-0000-4000-8000-0000000000d2');

async function blobsLeft(evidenceId: string, count: number): Promise<number> {
  const inner = evidenceInnerStore();
  let left = 0;
  for (let n = 0; n < count; n++) if (await inner.exists(evidenceKey(evidenceId, n))) left++;
  return left;
}

describe('evidence retention', () => {
  it('expiry destroys only expired unheld seals, keeps their hashes, audits, and is idempotent', async () => {
    await persistActor(admin);
    await persistActor(mod);
    const inst = await makeInstance('xa');
    const post = await makePost(inst, await unrelatedHashes(5150), { reported: true });
    const { caseId } = await openCase({ ctx: { actor: systemActor }, input: { reportId: post.reportId ?? '' } });
    const seal = () => sealEvidence({ ...sys, input: { caseId, reason: 'retention test' } });
    const [v1, v2, v3] = [await seal(), await seal(), await seal()];
    const rows = async () => Object.fromEntries((await db.evidence.findMany({ where: { caseId } })).map((r) => [r.version, r]));
    const before = await rows();
    const items = before[1].itemCount;
    expect(await blobsLeft(v1.evidenceId, items)).toBeGreaterThan(0);
    const now = new Date(Date.now() + 400 * DAY);
    // Admin verbs: hold v2 (reason required), extend v3 (later only).
    await expect(setLegalHold({ ctx: { actor: mod }, input: { evidenceId: v2.evidenceId, hold: true, reason: 'subpoena' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setLegalHold({ ctx: { actor: admin }, input: { evidenceId: v2.evidenceId, hold: true, reason: '' } })).rejects.toMatchObject({ code: 'bad_request' });
    await setLegalHold({ ctx: { actor: admin }, input: { evidenceId: v2.evidenceId, hold: true, reason: 'subpoena 2026-17' } });
    await expect(extendRetention({ ctx: { actor: admin }, input: { evidenceId: v3.evidenceId, retainUntil: new Date(Date.now() + 10 * DAY) } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(extendRetention({ ctx: { actor: mod }, input: { evidenceId: v3.evidenceId, retainUntil: new Date(Date.now() + 800 * DAY) } })).rejects.toMatchObject({ code: 'forbidden' });
    const later = new Date(Date.now() + 800 * DAY);
    await extendRetention({ ctx: { actor: admin }, input: { evidenceId: v3.evidenceId, retainUntil: later } });

    expect(await expireEvidence(now)).toEqual({ destroyed: 1 });
    const after = await rows();
    expect(after[1].destroyedAt).not.toBeNull();
    expect(after[1].manifestSha256).toBe(before[1].manifestSha256);
    expect(after[1].manifest).toEqual(before[1].manifest);
    expect(await blobsLeft(v1.evidenceId, items)).toBe(0);
    expect(await blobsLeft(v2.evidenceId, items)).toBeGreaterThan(0);
    expect(await blobsLeft(v3.evidenceId, items)).toBeGreaterThan(0);
    expect([after[2].destroyedAt, after[3].destroyedAt]).toEqual([null, null]);
    const destroyed = await db.auditEvent.findMany({ where: { action: 'evidence.destroyed', targetId: caseId } });
    expect(destroyed.map((e) => [e.actorLabel, e.details])).toEqual([['system:evidence.expire', { evidenceId: v1.evidenceId, manifestSha256: v1.manifestSha256, items }]]);
    // Destroyed seals verify on their manifest only; the others still fully.
    const verified = await verifyEvidence({ ...sys, input: { caseId } });
    expect(verified.ok).toBe(true);
    expect(verified.seals.map((s) => [s.version, s.destroyed, s.checkedItems > 0])).toEqual([[1, true, false], [2, false, true], [3, false, true]]);
    // Idempotent; a destroyed seal cannot be held or extended; opening it says it was destroyed.
    expect(await expireEvidence(now)).toEqual({ destroyed: 0 });
    await expect(setLegalHold({ ctx: { actor: admin }, input: { evidenceId: v1.evidenceId, hold: true, reason: 'too late' } })).rejects.toMatchObject({ code: 'conflict' });
    // Lifting the hold lets the next run destroy v2; v3 waits for its new date.
    await setLegalHold({ ctx: { actor: admin }, input: { evidenceId: v2.evidenceId, hold: false, reason: 'case closed by court' } });
    expect(await expireEvidence(now)).toEqual({ destroyed: 1 });
    expect(await evidenceJson(caseId)).toMatchObject({ manifestSha256: v3.manifestSha256, retainUntil: later.toISOString() });
    expect(await expireEvidence(new Date(later.getTime() + DAY))).toEqual({ destroyed: 1 });
    expect(await evidenceJson(caseId)).toEqual({ sealedAt: null, retainUntil: null, manifestSha256: null });
    const trail = await db.auditEvent.findMany({ where: { targetId: caseId, action: { startsWith: 'evidence.' } }, orderBy: { seq: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['evidence.sealed', 'evidence.sealed', 'evidence.sealed', 'evidence.hold_set', 'evidence.retention_extended', 'evidence.destroyed', 'evidence.hold_lifted', 'evidence.destroyed', 'evidence.destroyed']);
  });

  it('the retention setting applies to new seals; the tick queues the sweep once a day', async () => {
    await persistActor(admin);
    expect(await getEvidenceSettings()).toEqual({ retentionDays: 365 });
    await expect(updateEvidenceSettings({ ctx: { actor: admin }, input: { retentionDays: 10 } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updateEvidenceSettings({ ctx: { actor: mod }, input: { retentionDays: 400 } })).rejects.toMatchObject({ code: 'forbidden' });
    await updateEvidenceSettings({ ctx: { actor: admin }, input: { retentionDays: 730 } });
    const inst = await makeInstance('xb');
    const post = await makePost(inst, await unrelatedHashes(5151), { reported: true });
    const { caseId } = await openCase({ ctx: { actor: systemActor }, input: { reportId: post.reportId ?? '' } });
    const { evidenceId } = await sealEvidence({ ...sys, input: { caseId, reason: 'setting test' } });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(row.retainUntil.getTime() - row.sealedAt.getTime()).toBe(730 * DAY);

    const spy = vi.spyOn(enqueue, 'enqueueEvidenceExpiry').mockResolvedValue();
    await db.setting.deleteMany({ where: { key: 'evidence.expiry' } });
    const t0 = new Date();
    expect(await runEvidenceExpiryTick(t0)).toBe(true);
    await expireEvidence(t0);
    expect(await runEvidenceExpiryTick(new Date(t0.getTime() + 60 * 60_000))).toBe(false);
    expect(await runEvidenceExpiryTick(new Date(t0.getTime() + 25 * 60 * 60_000))).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
