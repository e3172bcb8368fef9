/**
 * Who may file to CyberTipline (prepare, file, retry, retract): owners and admins by role, the system actor (CLI,
 * jobs), and moderators an owner or admin granted it. The grant is read fresh from the database every time, so
 * revoking it (or disabling the user) takes effect at once, even for a session issued before. Viewers never file.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export async function canFile(actor: Actor): Promise<boolean> {
  if (actor.type === 'system') return true;
  if (actor.type !== 'user' || !hasRole(actor, 'moderator')) return false;
  if (hasRole(actor, 'admin')) return true;
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { filingAccess: true, disabledAt: true, role: true } });
  return Boolean(user && !user.disabledAt && user.filingAccess && user.role === 'moderator');
}

export async function assertCanFile(actor: Actor): Promise<void> {
  if (!(await canFile(actor))) {
    throw new AppError('forbidden', 'forbidden: filing', { userMessage: 'Filing to CyberTipline needs the filing permission (ask an owner or admin).' });
  }
}
