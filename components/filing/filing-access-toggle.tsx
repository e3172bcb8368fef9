'use client';

/**
 * "Filing access" on a team member's row (reporting cases to CyberTipline). Owners and admins have it by role;
 * moderators only when granted; viewers never. The server applies the same rules and audits every change
 * (user.filing_access_changed); the page then reloads what the database holds.
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { send } from '@/components/api/request';
import type { UserView } from '@/lib/users/user-view';

export function FilingAccessToggle({ user, editable }: { user: UserView; editable: boolean }) {
  if (user.role === 'owner' || user.role === 'admin') return <p className="mt-1.5 text-xs text-muted">Filing access: always (by role)</p>;
  if (user.role === 'viewer') return <p className="mt-1.5 text-xs text-muted">Filing access: not for viewers</p>;
  return <FilingAccessCheckbox user={user} editable={editable} />;
}

function FilingAccessCheckbox({ user, editable }: { user: UserView; editable: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();

  async function onChange(granted: boolean) {
    setBusy(true);
    setError(null);
    try {
      await send(`/api/users/${user.id}/filing-access`, 'PUT', { granted });
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
        <input type="checkbox" checked={user.filingAccess} disabled={!editable || busy || refreshing} onChange={(e) => void onChange(e.target.checked)} data-testid="user-filing-access" />
        <span>Filing access<span className="sr-only"> for {user.email}</span></span>
      </label>
      {error ? <p role="alert" className="mt-1 text-xs text-danger">{error}</p> : null}
    </>
  );
}
