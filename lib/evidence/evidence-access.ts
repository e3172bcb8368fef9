/**
 * Who may open and export sealed evidence: owners and admins always, the system actor (CLI, jobs), and users an
 * owner or admin granted it. The grant is read fresh from the database on every opening, so revoking it (or
 * disabling the user) takes effect at once, even for a session issued before. Viewers never see originals, so a
 * grant does not make a viewer able to open evidence.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { canViewOriginals, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function canOpenEvidence(actor: Actor): Promise<boolean> {
  if (actor.type === 'system') return true;
  if (actor.type !== 'user' || !canViewOriginals(actor)) return false;
  // Owners and admins hold it by role (their session is checked against the user row on every request).
  if (hasRole(actor, 'admin')) return true;
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { evidenceAccess: true, disabledAt: true, role: true } });
  return Boolean(user && !user.disabledAt && user.evidenceAccess && user.role !== 'viewer');
}

export async function assertCanOpenEvidence(actor: Actor): Promise<void> {
  if (!(await canOpenEvidence(actor))) {
    throw new AppError('forbidden', 'forbidden: evidence.open', { userMessage: 'Opening evidence needs the evidence permission (ask an owner or admin).' });
  }
}

/** A reason for every opening: 3..500 characters after trimming. */
export function evidenceReason(reason: unknown): string {
  // NUL cannot be stored in Postgres text or jsonb: dropped rather than failing the audit write later.
  const text = typeof reason === 'string' ? reason.replaceAll('\u0000', '').trim() : '';
  if (text.length < 3 || text.length > 500) {
    throw new AppError('bad_request', 'evidence: reason must be 3..500 characters', { userMessage: 'Give a reason (3 to 500 characters): it is written to the audit log.' });
  }
  return text;
}
