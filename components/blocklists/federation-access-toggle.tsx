'use client';

/**
 * "Federation access" (applying and undoing shared blocklists on the servers: defederation touches every user of an
 * instance) on a team member's row: see components/users/grant-toggle.tsx.
 */
import { GrantToggle } from '@/components/users/grant-toggle';
import type { UserView } from '@/lib/users/user-view';

export function FederationAccessToggle({ user, editable }: { user: UserView; editable: boolean }) {
  return <GrantToggle user={user} editable={editable} grant="federation" />;
}
