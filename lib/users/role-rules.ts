/**
 * Who may hand out which role (pure, unit-tested). Only owners (and the operator's CLI) make owners; an
 * admin manages everyone below owner. Instance limits only make sense for moderators and viewers: admins
 * manage instances themselves.
 */
import type { Actor } from '@/lib/audit/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { canManageUsers } from '@/lib/auth/policy';

export function isOwnerOrSystem(actor: Actor): boolean {
  return actor.type === 'system' || (actor.type === 'user' && actor.role === 'owner');
}

/** May this actor give someone `role` (by creating, inviting or changing)? */
export function canGrantRole(actor: Actor, role: Role): boolean {
  if (!canManageUsers(actor)) return false;
  return role !== 'owner' || isOwnerOrSystem(actor);
}

/** May this actor change anything about an existing user who currently has `targetRole`? */
export function canChangeUser(actor: Actor, targetId: string, targetRole: Role): boolean {
  if (!canManageUsers(actor)) return false;
  if (actor.type === 'user' && actor.id === targetId) return false;
  return targetRole !== 'owner' || isOwnerOrSystem(actor);
}

export function canBeLimited(role: Role): boolean {
  return role === 'moderator' || role === 'viewer';
}
