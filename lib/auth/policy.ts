/**
 * Authorization predicates (pure). Transports check the session once; verbs check these again,
 * the way Mastodon's policies do `authorize(target, :suspend?)`.
 */
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';

const RANK = { viewer: 0, moderator: 1, admin: 2, owner: 3 } as const;

export function hasRole(actor: Actor, min: keyof typeof RANK): boolean {
  if (actor.type !== 'user') return actor.type === 'system';
  return RANK[actor.role] >= RANK[min];
}

/** Can see this instance's reports at all (moderators may be limited to some instances). */
export function canSeeInstance(actor: Actor, instanceId: string): boolean {
  if (actor.type === 'system') return true;
  if (actor.type === 'webhook') return actor.instanceId === instanceId;
  return actor.instanceIds === null || actor.instanceIds.includes(instanceId);
}

/** Can request moderation actions on this instance. Viewers never can. */
export function canActOn(actor: Actor, instanceId: string): boolean {
  return hasRole(actor, 'moderator') && canSeeInstance(actor, instanceId);
}

/**
 * Actions that destroy a whole account for good are for admins: a moderator can suspend at once, and an admin
 * decides whether the account and everything it posted is deleted.
 */
export const ADMIN_ONLY_ACTIONS: readonly string[] = ['account.delete'];

/** Can request this kind of action on this instance. */
export function canRequestAction(actor: Actor, instanceId: string, kind: string): boolean {
  return canActOn(actor, instanceId) && (!ADMIN_ONLY_ACTIONS.includes(kind) || hasRole(actor, 'admin'));
}

export function canManageInstances(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/**
 * Marking an instance as a local test host exempts its origin from the SSRF address policy: owners only (the CLI
 * runs as the system actor, which counts as an owner here).
 */
export function canAllowPrivate(actor: Actor): boolean {
  return hasRole(actor, 'owner');
}

/** Fetching an original (unblurred, full-size) file is need-to-know: moderators and up, never viewers. */
export function canViewOriginals(actor: Actor): boolean {
  return hasRole(actor, 'moderator');
}

export function canManageUsers(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

export function canReadAudit(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** Throws the one error type the transports know how to map. */
export function assertAllowed(ok: boolean, what: string): void {
  if (!ok) throw new AppError('forbidden', `forbidden: ${what}`);
}

/** Instance filter for queries: null means every instance. */
export function visibleInstanceIds(actor: Actor): string[] | null {
  return actor.type === 'user' ? actor.instanceIds : null;
}
