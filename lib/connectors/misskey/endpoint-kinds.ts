/**
 * The token permission kind each endpoint the connector calls requires (the endpoint meta's `kind` in
 * misskey-dev/misskey packages/backend/src/server/api/endpoints/**). A PERMISSION_DENIED answer does not say which
 * kind was missing, so the connector looks it up here to tell the moderator exactly what to add to the token.
 */
import type { MisskeyPermission } from './capabilities';

export const ENDPOINT_KINDS: Readonly<Record<string, MisskeyPermission>> = {
  i: 'read:account',
  'admin/abuse-user-reports': 'read:admin:abuse-user-reports',
  // Resolve, forward and update (the moderation note) all share one kind on Misskey.
  'admin/resolve-abuse-user-report': 'write:admin:resolve-abuse-user-report',
  'admin/forward-abuse-user-report': 'write:admin:resolve-abuse-user-report',
  'admin/update-abuse-user-report': 'write:admin:resolve-abuse-user-report',
  'admin/suspend-user': 'write:admin:suspend-user',
  'admin/unsuspend-user': 'write:admin:unsuspend-user',
  'admin/delete-account': 'write:admin:delete-account',
  'notes/delete': 'write:notes',
  'drive/files/delete': 'write:drive',
  'admin/federation/delete-all-files': 'write:admin:federation',
  'admin/show-users': 'read:admin:show-user',
  'admin/show-user': 'read:admin:show-user',
  'admin/drive/show-file': 'read:admin:drive',
  'users/report-abuse': 'write:report-abuse',
  // Blocklists: both need an administrator role, not only a moderator.
  'admin/meta': 'read:admin:meta',
  'admin/update-meta': 'write:admin:meta',
};

export function kindFor(endpoint: string): MisskeyPermission | null {
  return Object.hasOwn(ENDPOINT_KINDS, endpoint) ? ENDPOINT_KINDS[endpoint] : null;
}
