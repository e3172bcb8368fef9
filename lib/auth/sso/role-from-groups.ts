/**
 * Pure: the groups a token carries, and the role they map to. Identity providers send the groups claim as an array
 * (Keycloak, Authentik) or, with one group, sometimes as a plain string; anything else counts as no groups.
 */
import type { SsoRole, StoredSsoSettings } from './sso-stored';

const RANK: Record<SsoRole, number> = { viewer: 1, moderator: 2, admin: 3 };

export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string' && g !== '');
  return [];
}

/** The highest role among the user's mapped groups; null when none of them is mapped (sign-in refused). */
export function roleFromGroups(groups: readonly string[], roleMap: StoredSsoSettings['roleMap']): SsoRole | null {
  let best: SsoRole | null = null;
  for (const { group, role } of roleMap) {
    if (groups.includes(group) && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}
