'use client';

/**
 * "Federation access" on a team member's row: applying and undoing shared blocklists on the servers (defederation
 * touches every user of an instance). Owners and admins have it by role; moderators only when granted; viewers
 * never. The server applies the same rules and audits every change (user.federation_access_changed).
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { send } from '@/components/api/request';
import type { UserView } from '@/lib/users/user-view';

export function FederationAccessToggle({ user, editable }: { user: UserView; editable: boolean }) {
  if (user.role === 'owner' || user.role === 'admin') return <p className="mt-1.5 text-xs text-muted">Federation access: always (by role)</p>;
  if (user.role === 'viewer') return <p className="mt-1.5 text-xs text-muted">Federation access: not for viewers</p>;
  return <FederationAccessCheckbox user={user} editable={editable} />;
}

function FederationAccessCheckbox({ user, editable }: { user: UserView; editable: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();

  async function onChange(granted: boolean) {
    setBusy(true);
    setError(null);
    try {
      await send(`/api/users/${user.id}/federation-access`, 'PUT', { granted });
      startTransition(() => router.refresh());
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <label className="mt-1.5 flex items-center gap-1.5 text-xs">
        <input type="checkbox" checked={user.federationAccess} disabled={!editable || busy || refreshing} onChange={(e) => void onChange(e.target.checked)} data-testid="user-federation-access" />
        <span>Federation access<span className="sr-only"> for {user.email}</span></span>
      </label>
      {error ? <p role="alert" className="mt-1 text-xs text-danger">{error}</p> : null}
    </>
  );
}
