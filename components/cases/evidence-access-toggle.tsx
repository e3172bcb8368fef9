'use client';

/**
 * "Evidence access" on a team member's row. Owners and admins have it by role ("always"); moderators only when
 * granted; viewers never (they never see originals, so lib/evidence/evidence-access.ts ignores a grant to them).
 * The server applies the same rules and audits every change (user.evidence_access_changed).
 */
import type { UserView } from '@/lib/users/user-view';

export function EvidenceAccessToggle({ user, editable, pending, onChange }: { user: UserView; editable: boolean; pending: boolean; onChange: (on: boolean) => void }) {
  if (user.role === 'owner' || user.role === 'admin') {
    return <p className="mt-1.5 text-xs text-muted">Evidence access: always (by role)</p>;
  }
  if (user.role === 'viewer') return <p className="mt-1.5 text-xs text-muted">Evidence access: not for viewers</p>;
  return (
    <label className="mt-1.5 flex items-center gap-1.5 text-xs">
      <input
        type="checkbox"
        checked={user.evidenceAccess}
        disabled={!editable || pending}
        onChange={(e) => onChange(e.target.checked)}
        data-testid="user-evidence-access"
      />
      <span>Evidence access<span className="sr-only"> for {user.email}</span></span>
    </label>
  );
}
