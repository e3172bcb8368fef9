/**
 * Pure: how a colleague is named in the UI. With pseudonyms on, everyone sees
 * the pseudonym; owners and admins see "pseudonym (real name)" so they can still tell who is who. Off: the name,
 * else the email, as before.
 */
export interface StaffNames { name: string; email: string; pseudonym: string }

export function staffLabel(user: StaffNames, opts: { showPseudonyms: boolean; viewerIsAdmin: boolean }): string {
  const real = user.name.trim() || user.email;
  if (!opts.showPseudonyms) return real;
  return opts.viewerIsAdmin ? `${user.pseudonym} (${real})` : user.pseudonym;
}
