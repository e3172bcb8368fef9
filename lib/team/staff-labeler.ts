/**
 * Names colleagues for one viewer: with the team's "show pseudonyms" on, stored labels (which hold a name or an
 * email from when the row was written) are replaced by staffLabel of the person today; off, they stay as they were.
 * Owners and admins also see the real name. One query per list, however many rows name people.
 */
import type { Actor } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { getIdentitySettings } from './identity-settings';
import { staffLabel } from './staff-label';

export type StaffLabeler = ((userId: string | null | undefined, stored: string) => string) & {
  /** Pseudonyms are shown to someone who may not see real identities: views must not carry colleagues' emails. */
  hidesEmail: boolean;
};

const asIs: StaffLabeler = Object.assign((_id: string | null | undefined, stored: string) => stored, { hidesEmail: false });

export function viewerIsAdmin(actor: Actor): boolean {
  return actor.type === 'user' && hasRole(actor, 'admin');
}

export async function staffLabeler(actor: Actor, userIds: readonly (string | null | undefined)[]): Promise<StaffLabeler> {
  const { showPseudonyms } = await getIdentitySettings();
  if (!showPseudonyms) return asIs;
  const admin = viewerIsAdmin(actor);
  const wanted = [...new Set(userIds.filter((x): x is string => typeof x === 'string'))];
  const users = wanted.length === 0 ? [] : await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true, pseudonym: true } });
  const byId = new Map(users.map((u) => [u.id, staffLabel(u, { showPseudonyms, viewerIsAdmin: admin })]));
  // A deleted account's stored label may be an email: only admins, who may see real identities, get it back.
  const label = (id: string | null | undefined, stored: string) => (id ? byId.get(id) : undefined) ?? (admin || !stored.includes('@') ? stored : 'a former colleague');
  return Object.assign(label, { hidesEmail: !admin });
}
