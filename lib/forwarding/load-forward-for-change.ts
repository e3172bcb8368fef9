/**
 * Loads one forward for a change inside the caller's transaction: its case is locked and the actor must be able to
 * change that case (moderator+, acting on one of its instances). An invisible case's forward reads as absent.
 */
import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { loadCaseForChange } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { z } from 'zod';
import { FORWARD_ROW } from './forward-view';

export async function loadForwardForChange(tx: Tx, actor: Actor, forwardId: unknown) {
  const id = z.uuid().safeParse(forwardId);
  if (!id.success) throw new AppError('not_found', 'forward id is not a uuid');
  const found = await tx.caseForward.findUnique({ where: { id: id.data }, select: { caseId: true } });
  if (!found) throw new AppError('not_found', `forward ${id.data} not found`);
  await loadCaseForChange(tx, actor, found.caseId);
  // Read again under the case lock: a concurrent change of this forward has finished by now.
  return tx.caseForward.findUniqueOrThrow({ where: { id: id.data }, include: FORWARD_ROW });
}
