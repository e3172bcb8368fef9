'use client';

/** "Filing access" (reporting cases to CyberTipline) on a team member's row: see components/users/grant-toggle.tsx. */
import { GrantToggle } from '@/components/users/grant-toggle';
import type { UserView } from '@/lib/users/user-view';

export function FilingAccessToggle({ user, editable }: { user: UserView; editable: boolean }) {
  return <GrantToggle user={user} editable={editable} grant="filing" />;
}
