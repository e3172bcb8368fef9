/** The team page's data: accounts, open invites, and the instances a limit can name. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import type { Role } from '@/lib/generated/prisma/enums';
import { toUserView, userViewSelect, type UserView } from './user-view';

export interface InviteView {
  id: string;
  email: string;
  role: Role;
  instanceIds: string[];
  expiresAt: string;
  invitedBy: string;
}

export interface UsersOverview {
  users: UserView[];
  invites: InviteView[];
  instances: { id: string; name: string }[];
}

export async function listUsers({ ctx }: { ctx: Ctx }): Promise<UsersOverview> {
  assertAllowed(canManageUsers(ctx.actor), 'users.list');
  const [users, invites, instances] = await Promise.all([
    db.user.findMany({ select: userViewSelect, orderBy: [{ disabledAt: { sort: 'desc', nulls: 'first' } }, { email: 'asc' }] }),
    db.invite.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, instanceIds: true, expiresAt: true, invitedBy: { select: { email: true } } },
      orderBy: { createdAt: 'desc' },
    }),
    db.instance.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    users: users.map(toUserView),
    invites: invites.map((i) => ({ id: i.id, email: i.email, role: i.role, instanceIds: i.instanceIds, expiresAt: i.expiresAt.toISOString(), invitedBy: i.invitedBy.email })),
    instances,
  };
}
