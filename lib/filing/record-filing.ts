/**
 * Writes of the driver. A fact (an answer from CyberTipline) is recorded with its audit event in one transaction,
 * guarded by the state it moves from, not by the lease: an answer is true whoever drives now. A mark before a send
 * is guarded by the lease, so of two drivers only one sends.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordEvent } from '@/lib/audit/record-event';
import { logger } from '@/lib/log/logger';
import type { FilingProblem } from './types';
import { LeaseLost, type FilingRow } from './steps/step-context';

const log = logger('filing');

export const FILING_ACTOR = { type: 'system' as const, label: 'filing' };

export interface FilingEvent {
  action: string;
  details?: Record<string, unknown>;
}

/** Updates the filing where `where` still holds, and audits it; false when the row had moved on. */
export async function recordFiling(f: Pick<FilingRow, 'id' | 'caseId'>, where: Prisma.FilingWhereInput, data: Prisma.FilingUpdateManyMutationInput, event: FilingEvent, files?: { id: string; data: Prisma.FilingFileUpdateManyMutationInput }[]): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.filing.updateMany({ where: { ...where, id: f.id }, data });
    if (r.count === 0) return false;
    for (const file of files ?? []) await tx.filingFile.updateMany({ where: { id: file.id, filingId: f.id }, data: file.data });
    await recordEvent(tx, { actor: FILING_ACTOR, action: event.action, targetType: 'case', targetId: f.caseId, details: { filingId: f.id, ...event.details } });
    return true;
  });
}

const EVENT_OF: Record<FilingProblem, string> = { rejected: 'filing.rejected', uncertain: 'filing.uncertain', failed: 'filing.failed' };

/** Hands the filing to a person. `data` clears or keeps the step's marks as the problem needs. */
export async function recordProblem(f: FilingRow, token: string, problem: FilingProblem, lastError: string, details: Record<string, unknown>, data: Prisma.FilingUpdateManyMutationInput = {}, files?: { id: string; data: Prisma.FilingFileUpdateManyMutationInput }[]): Promise<'problem'> {
  const text = lastError.slice(0, 1000);
  const wrote = await recordFiling(f, { leaseToken: token, problem: null }, { ...data, problem, lastError: text, nextAttemptAt: null }, {
    action: EVENT_OF[problem], details: { ...details, ...(problem === 'rejected' ? { description: text } : { error: text }) },
  }, files);
  if (!wrote) throw new LeaseLost();
  log.warn('filing stopped: a person takes over', { filingId: f.id, problem, ...details, error: text });
  return 'problem';
}

/** The mark before a send: written only while this driver holds the lease (perform-action.ts does the same). */
export async function markFiling(filingId: string, token: string, where: Prisma.FilingWhereInput, data: Prisma.FilingUpdateManyMutationInput): Promise<void> {
  const r = await db.filing.updateMany({ where: { ...where, id: filingId, leaseToken: token, problem: null }, data });
  if (r.count === 0) throw new LeaseLost();
}

/** A file's mark: the filing row's lease is checked (and its row locked) in the same transaction. */
export async function markFile(filingId: string, token: string, fileId: string, data: Prisma.FilingFileUpdateManyMutationInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const held = await tx.filing.updateMany({ where: { id: filingId, leaseToken: token, problem: null }, data: { updatedAt: new Date() } });
    if (held.count === 0) throw new LeaseLost();
    await tx.filingFile.updateMany({ where: { id: fileId, filingId }, data });
  });
}
