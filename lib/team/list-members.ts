/**
 * The team as the mention picker and the escalation form see it: enabled staff, with the name @ finds them by.
 * Where the team shows colleagues by pseudonym, the label and the inserted @name are the pseudonym (admins also
 * see the real name in the label), so the picker never hands a non-admin a colleague's email.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { mentionName } from '@/lib/notes/mentions';
import { getIdentitySettings } from './identity-settings';
import { staffLabel } from './staff-label';
import { viewerIsAdmin } from './staff-labeler';

export interface TeamMember {
  id: string;
  label: string;
  mentionName: string;
  role: 'owner' | 'admin' | 'moderator' | 'viewer';
}

export async function listTeamMembers({ ctx }: { ctx: Ctx }): Promise<TeamMember[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'members need staff');
  const { showPseudonyms } = await getIdentitySettings();
  const opts = { showPseudonyms, viewerIsAdmin: viewerIsAdmin(ctx.actor) };
  const users = await db.user.findMany({
    where: { disabledAt: null },
    select: { id: true, email: true, name: true, pseudonym: true, role: true },
    orderBy: showPseudonyms ? [{ pseudonym: 'asc' }] : [{ name: 'asc' }, { email: 'asc' }],
  });
  return users.map((u) => ({ id: u.id, label: staffLabel(u, opts), mentionName: mentionName(u, showPseudonyms), role: u.role }));
}
