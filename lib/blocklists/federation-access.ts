/**
 * Who may apply and undo blocklists (defederating changes every instance at once): owners and admins by role, the
 * system actor (CLI, auto-retract), and moderators an owner or admin granted federation access. The grant is read
 * fresh from the database every time, so revoking it takes effect at once, even for a session issued before.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function canApplyBlocklists(actor: Actor): Promise<boolean> {
  if (actor.type === 'system') return true;
  if (actor.type !== 'user' || !hasRole(actor, 'moderator')) return false;
  if (hasRole(actor, 'admin')) return true;
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { federationAccess: true, disabledAt: true, role: true } });
  return Boolean(user && !user.disabledAt && user.federationAccess && user.role === 'moderator');
}

export async function assertCanApplyBlocklists(actor: Actor): Promise<void> {
  if (!(await canApplyBlocklists(actor))) {
    throw new AppError('forbidden', 'forbidden: blocklists.apply', { userMessage: 'Applying blocklists needs federation access (ask an owner or admin).' });
  }
}
