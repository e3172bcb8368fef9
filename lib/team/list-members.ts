/** The team as the mention picker and the escalation form see it: enabled staff, with the name @ finds them by. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { mentionName } from '@/lib/notes/mentions';

export interface TeamMember {
  id: string;
  label: string;
  mentionName: string;
  role: 'owner' | 'admin' | 'moderator' | 'viewer';
}

export async function listTeamMembers({ ctx }: { ctx: Ctx }): Promise<TeamMember[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'members need staff');
  const users = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, email: true, name: true, role: true }, orderBy: [{ name: 'asc' }, { email: 'asc' }] });
  return users.map((u) => ({ id: u.id, label: u.name.trim() || u.email, mentionName: mentionName(u), role: u.role }));
}
