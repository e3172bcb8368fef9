/** Role labels and what the current user may hand out (mirrors lib/users/role-rules.ts; the server decides). */
export type RoleName = 'owner' | 'admin' | 'moderator' | 'viewer';

export const ROLE_HELP: Record<RoleName, string> = {
  owner: 'Owner: everything, including other owners',
  admin: 'Admin: instances, team, audit log',
  moderator: 'Moderator: reviews reports and acts',
  viewer: 'Viewer: reads, never acts',
};

export function grantableRoles(myRole: RoleName): RoleName[] {
  return myRole === 'owner' ? ['owner', 'admin', 'moderator', 'viewer'] : ['admin', 'moderator', 'viewer'];
}

export const canBeLimited = (role: RoleName) => role === 'moderator' || role === 'viewer';
