/**
 * Pages above 'viewer' ask here instead of redirecting a too-low role home: a moderator who follows a link to an
 * admin page should learn that it exists and why it is closed, not land on the queue wondering what happened.
 * Signed-out visitors still go to sign-in (requirePageActor), since for them the answer is "sign in".
 */
import { hasRole } from './policy';
import { requirePageActor, type MinRole, type UserActor } from './current-actor';

export type PageAccess = { ok: true; actor: UserActor } | { ok: false; actor: UserActor; need: MinRole };

export async function checkPageAccess(min: MinRole, callbackPath?: string): Promise<PageAccess> {
  const actor = await requirePageActor('viewer', callbackPath);
  return hasRole(actor, min) ? { ok: true, actor } : { ok: false, actor, need: min };
}
