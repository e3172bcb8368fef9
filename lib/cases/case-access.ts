/**
 * Who may see and change a case. A case is collective-wide, but a moderator limited to some instances sees it only
 * through its copies and linked reports on those instances (and never the others'); changing it needs moderator+
 * and the right to act on at least one of its instances. The system actor (jobs, CLI) may do anything.
 */
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canActOn, canSeeInstance, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

export const ACTIVE_STATES = ['open', 'purging'] as const;

/** Prisma filter: cases the actor can see at all. */
export function visibleCaseWhere(actor: Actor): Prisma.CaseWhereInput {
  const ids = visibleInstanceIds(actor);
  if (ids === null) return {};
  return { OR: [{ copies: { some: { instanceId: { in: ids } } } }, { reports: { some: { report: { instanceId: { in: ids } } } } }] };
}

/** The instances a case touches (its copies' and its linked reports'). */
export async function caseInstanceIds(tx: Tx | typeof db, caseId: string): Promise<string[]> {
  const copies = await tx.caseCopy.findMany({ where: { caseId }, select: { instanceId: true }, distinct: ['instanceId'] });
  const reports = await tx.caseReport.findMany({ where: { caseId }, select: { report: { select: { instanceId: true } } } });
  return [...new Set([...copies.map((c) => c.instanceId), ...reports.map((r) => r.report.instanceId)])];
}

export function canEditCase(actor: Actor, instanceIds: readonly string[]): boolean {
  if (!hasRole(actor, 'moderator')) return false;
  if (visibleInstanceIds(actor) === null) return true;
  return instanceIds.some((id) => canActOn(actor, id));
}

export function canSeeCase(actor: Actor, instanceIds: readonly string[]): boolean {
  return visibleInstanceIds(actor) === null || instanceIds.some((id) => canSeeInstance(actor, id));
}

/**
 * Locks the Case row and returns its state (null when gone). Every transaction that changes a case takes this lock
 * BEFORE its first audit event (recordEvent's app-wide lock): one order everywhere, so two never deadlock.
 */
export async function lockCaseRow(tx: Tx, caseId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ state: string }[]>`select "state"::text as state from "Case" where "id" = ${caseId}::uuid for update`;
  return rows[0]?.state ?? null;
}

/**
 * Loads the case for a change verb inside its transaction, locking the row (concurrent changes apply in turn).
 * Invisible reads as absent; visible but not changeable is forbidden.
 */
export async function loadCaseForChange(tx: Tx, actor: Actor, caseId: string) {
  if (!hasRole(actor, 'moderator')) throw new AppError('forbidden', 'changing a case needs moderator');
  if ((await lockCaseRow(tx, caseId)) === null) throw new AppError('not_found', `case ${caseId} not found`);
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
  const instanceIds = await caseInstanceIds(tx, caseId);
  if (!canSeeCase(actor, instanceIds)) throw new AppError('not_found', `case ${caseId} not visible`);
  if (!canEditCase(actor, instanceIds)) throw new AppError('forbidden', `case ${caseId} not changeable by actor`);
  return { row, instanceIds };
}
