'use client';

import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import type { UserView } from '@/lib/users/user-view';
import { EvidenceAccessToggle } from '@/components/cases/evidence-access-toggle';
import { FilingAccessToggle } from '@/components/filing/filing-access-toggle';
import { FederationAccessToggle } from '@/components/blocklists/federation-access-toggle';
import { PseudonymEdit } from '@/components/users/pseudonym-edit';
import { InstanceLimits } from './instance-limits';
import { grantableRoles, ROLE_HELP, type RoleName } from './roles';
import { useMutation } from './use-mutation';

const updated = z.object({ user: z.object({ id: z.string() }) });

function formatWhen(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'Never';
}

interface Props {
  user: UserView;
  me: { id: string; role: RoleName };
  instances: { id: string; name: string }[];
  instanceName: Map<string, string>;
}

export function UserRow({ user, me, instances, instanceName }: Props) {
  const { run, error, pending } = useMutation();
  const isMe = user.id === me.id;
  // Same rules as the server: nobody edits themselves here, and only owners touch owners.
  const locked = isMe || (user.role === 'owner' && me.role !== 'owner');
  const roles = grantableRoles(me.role);
  const patch = (body: Record<string, unknown>) => run(`/api/users/${user.id}`, 'PATCH', body, updated);

  return (
    <tr className="border-b border-line align-top last:border-0">
      <td className="px-4 py-3">
        <div className="font-medium">{user.name || user.email}</div>
        {user.name ? <div className="text-xs text-muted">{user.email}</div> : null}
        <PseudonymEdit userId={user.id} email={user.email} pseudonym={user.pseudonym} editable={!(user.role === 'owner' && me.role !== 'owner')} />
        {isMe ? <Badge tone="info">You</Badge> : null}
        {error ? <p role="alert" className="mt-1 text-xs text-danger">{error}</p> : null}
      </td>
      <td className="px-4 py-3">
        <Select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={locked || pending}
          onChange={(e) => void patch({ role: e.target.value })}
          className="w-auto"
        >
          {(roles.includes(user.role) ? roles : [user.role, ...roles]).map((r) => (
            <option key={r} value={r} title={ROLE_HELP[r]}>
              {r}
            </option>
          ))}
        </Select>
        <EvidenceAccessToggle user={user} editable={!locked} pending={pending} onChange={(on) => void patch({ evidenceAccess: on })} />
        <FilingAccessToggle user={user} editable={!locked} />
        <FederationAccessToggle user={user} editable={!locked} />
      </td>
      <td className="px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
          {!locked ? (
            <Button variant={user.disabled ? 'secondary' : 'ghost'} disabled={pending} onClick={() => void patch({ disabled: !user.disabled })} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}>
              {user.disabled ? 'Enable' : 'Disable'}
            </Button>
          ) : null}
        </div>
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-muted">{formatWhen(user.lastSignInAt)}</td>
      <td className="px-4 py-3">
        <InstanceLimits
          email={user.email}
          role={user.role}
          current={user.instanceIds}
          instances={instances}
          instanceName={instanceName}
          editable={!locked}
          pending={pending}
          onSave={(instanceIds) => patch({ instanceIds })}
        />
      </td>
    </tr>
  );
}
