/**
 * The case state a purge leads to (purging while it runs; purged or back to open when it ends), with its audit
 * event, in the caller's transaction (which already holds the Case row lock). A case that comes back to an active
 * state from purged or closed re-issues its signals, so every process's case index takes it in again.
 */
import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { ACTIVE_STATES } from '@/lib/cases/case-access';
import { reissueSignals } from '@/lib/cases/set-case-state';

type CaseState = 'open' | 'purging' | 'purged' | 'closed';
const isActive = (s: string) => (ACTIVE_STATES as readonly string[]).includes(s);

export async function moveCaseState(tx: Tx, actor: Actor, caseId: string, from: string, to: CaseState, reason: string): Promise<boolean> {
  if (from === to) return false;
  await tx.case.update({ where: { id: caseId }, data: { state: to } });
  if (isActive(to) && !isActive(from)) await reissueSignals(tx, caseId);
  await recordEvent(tx, { actor, action: 'case.state_changed', targetType: 'case', targetId: caseId, details: { from, to, reason } });
  return true;
}
