/**
 * Writes one round's receipts in ONE transaction guarded by the round's claim: the receipts (immutable rows), the
 * copies' latest verdict, the case's counts, an audit event per receipt, the round done, and, while a copy is still
 * served, the next round (servers delete files in background jobs, so a later look may find them gone). A worker
 * that lost its claim, or a round already written, writes nothing: a retried round never doubles a receipt.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { actorLabel } from '@/lib/audit/actor';
import { lockCaseRow } from '@/lib/cases/case-access';
import type { CheckClaim } from './claim-check';
import { recountReceipts } from './recount-receipts';
import type { ReceiptCheck } from './types';
import type { Verdict } from './receipt-verdict';

export const CHECK_ACTOR = { type: 'system' as const, label: 'purge.check' };

/** Waits before re-check rounds 2, 3 and 4 (after round 1, 2, 3 found a copy still served). */
export const RECHECK_DELAYS_MS = [30_000, 120_000, 600_000];
export const MAX_ROUNDS = 4;

export interface NewReceipt extends Verdict {
  copyId: string | null;
  checks: ReceiptCheck[];
}

export interface RoundRef {
  checkId: string;
  runId: string;
  caseId: string;
  instanceId: string;
  round: number;
}

export async function writeReceipts(round: RoundRef, claim: CheckClaim, receipts: NewReceipt[], now: Date): Promise<{ receipts: number; recheckAt: Date | null } | null> {
  return db.$transaction(async (tx) => {
    // The Case row before the first audit event, as every case verb does (no deadlock with lookups of this case).
    if ((await lockCaseRow(tx, round.caseId)) === null) return null;
    const mine = await tx.purgeCheck.updateMany({
      where: { id: round.checkId, status: 'running', startedAt: claim.startedAt },
      data: { status: 'done', finishedAt: now, leaseUntil: null },
    });
    if (mine.count === 0) return null;
    for (const r of receipts) {
      const row = await tx.purgeReceipt.create({
        data: {
          caseId: round.caseId, copyId: r.copyId, instanceId: round.instanceId, runId: round.runId, checkId: round.checkId,
          verdict: r.verdict, reason: r.reason, httpStatus: r.httpStatus, servedSha256: r.servedSha256,
          checks: JSON.parse(JSON.stringify(r.checks)) as object, checkedAt: now, byId: null, byLabel: actorLabel(CHECK_ACTOR),
        },
      });
      if (r.copyId) {
        const state = r.verdict === 'removed' ? 'removed' : r.verdict === 'still_served' ? 'present' : undefined;
        await tx.caseCopy.update({
          where: { id: r.copyId },
          data: { receiptVerdict: r.verdict, receiptAt: now, ...(state ? { state, stateDetail: r.reason.slice(0, 500) } : {}) },
        });
      }
      await recordEvent(tx, {
        actor: CHECK_ACTOR, action: 'case.receipt', targetType: 'case', targetId: round.caseId, instanceId: round.instanceId,
        details: { receiptId: row.id, copyId: r.copyId, instanceId: round.instanceId, verdict: r.verdict, httpStatus: r.httpStatus, servedSha256: r.servedSha256 },
      });
    }
    if (receipts.some((r) => r.copyId)) await recountReceipts(tx, round.caseId);
    let recheckAt: Date | null = null;
    if (receipts.some((r) => r.verdict === 'still_served') && round.round < MAX_ROUNDS) {
      recheckAt = new Date(now.getTime() + RECHECK_DELAYS_MS[round.round - 1]);
      await tx.purgeCheck.createMany({
        data: [{ runId: round.runId, caseId: round.caseId, instanceId: round.instanceId, round: round.round + 1, dueAt: recheckAt }],
        skipDuplicates: true, // a re-check asked for by hand may have added it already
      });
    }
    return { receipts: receipts.length, recheckAt };
  }, { timeout: 30_000, maxWait: 30_000 });
}
