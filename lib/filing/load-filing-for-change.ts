/**
 * Loads a filing for a person's verb (retry, retract): the filing permission, then the case must be visible to
 * them (a filing of a case they cannot see does not exist for them).
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { assertCanFile } from './filing-access';

export async function loadFilingForChange(actor: Actor, filingId: unknown) {
  await assertCanFile(actor);
  const id = typeof filingId === 'string' && /^[0-9a-f-]{36}$/i.test(filingId) ? filingId : null;
  const filing = id ? await db.filing.findUnique({ where: { id }, include: { files: true } }) : null;
  const visible = filing && (actor.type === 'system' || canSeeCase(actor, await caseInstanceIds(db, filing.caseId)));
  if (!filing || !visible) throw new AppError('not_found', `filing ${String(filingId)} not found`, { userMessage: 'That filing does not exist.' });
  return filing;
}
