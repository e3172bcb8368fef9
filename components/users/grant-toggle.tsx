'use client';

/**
 * A permission an owner or admin grants a moderator, on the team member's row: filing to CyberTipline, or applying
 * blocklists (federation). Owners and admins have it by role; moderators only when granted; viewers never. The
 * server applies the same rules and audits every change (user.<grant>_access_changed); the page then reloads what
 * the database holds. (Evidence access is saved with the row's other fields instead: components/cases.)
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { send } from '@/components/api/request';
import type { UserView } from '@/lib/users/user-view';

const GRANTS = {
  filing: { label: 'Filing access', field: 'filingAccess', path: 'filing-access' },
  federation: { label: 'Federation access', field: 'federationAccess', path: 'federation-access' },
} as const;
export type Grant = keyof typeof GRANTS;

export function GrantToggle({ user, editable, grant }: { user: UserView; editable: boolean; grant: Grant }) {
  const { label } = GRANTS[grant];
  if (user.role === 'owner' || user.role === 'admin') return <p className="mt-1.5 text-xs text-muted">{label}: always (by role)</p>;
  if (user.role === 'viewer') return <p className="mt-1.5 text-xs text-muted">{label}: not for viewers</p>;
  return <GrantCheckbox user={user} editable={editable} grant={grant} />;
}

function GrantCheckbox({ user, editable, grant }: { user: UserView; editable: boolean; grant: Grant }) {
  const { label, field, path } = GRANTS[grant];
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();

  async function onChange(granted: boolean) {
    setBusy(true);
    setError(null);
    try {
      await send(`/api/users/${user.id}/${path}`, 'PUT', { granted });
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
        <input type="checkbox" checked={user[field]} disabled={!editable || busy || refreshing} onChange={(e) => void onChange(e.target.checked)} data-testid={`user-${path}`} />
        <span>{label}<span className="sr-only"> for {user.email}</span></span>
      </label>
      {error ? <p role="alert" className="mt-1 text-xs text-danger">{error}</p> : null}
    </>
  );
}
