/**
 * Whom the CyberTipline report names as reporting person: with the team's choice 'pseudonym', the filer's
 * pseudonym and the team's name (the email stays the settings' one, so NCMEC can still reach the team); otherwise
 * null, and the person in the NCMEC settings is named as before.
 */
import type { Actor } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { getIdentitySettings } from './identity-settings';

export interface ReporterAs { firstName: string; lastName: string }

export async function ncmecReporterFor(actor: Actor): Promise<ReporterAs | null> {
  const identity = await getIdentitySettings();
  if (identity.ncmecReporter !== 'pseudonym') return null;
  const lastName = identity.teamName.trim() || 'Moderation team';
  // A system filing has no person: the team stands as the reporter.
  if (actor.type !== 'user') return { firstName: 'Moderation team', lastName };
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { pseudonym: true } });
  return { firstName: user?.pseudonym ?? 'Moderation team', lastName };
}
