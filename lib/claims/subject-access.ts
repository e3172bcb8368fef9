/**
 * A claim says "someone is on this", which is itself information about the subject: only people who can see the
 * report (its instance) or the case (one of its instances) may claim it or learn who holds it.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canSeeInstance } from '@/lib/auth/policy';
import { caseInstanceIds, canSeeCase } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import type { ClaimSubject } from './claim-input';

export async function assertCanSeeSubject(actor: Actor, s: ClaimSubject): Promise<void> {
  if (s.subjectType === 'report') {
    const r = await db.report.findUnique({ where: { id: s.subjectKey }, select: { instanceId: true } });
    if (!r || !canSeeInstance(actor, r.instanceId)) throw new AppError('not_found', `report ${s.subjectKey} not visible`, { userMessage: 'That report was not found.' });
    return;
  }
  const exists = await db.case.findUnique({ where: { id: s.subjectKey }, select: { id: true } });
  if (!exists || !canSeeCase(actor, await caseInstanceIds(db, s.subjectKey))) {
    throw new AppError('not_found', `case ${s.subjectKey} not visible`, { userMessage: 'That case was not found.' });
  }
}
