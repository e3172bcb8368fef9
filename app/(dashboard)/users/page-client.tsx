'use client';

import { ScrollCard } from '@/components/ui/scroll-card';
import type { UsersOverview } from '@/lib/users/list-users';
import { InviteForm } from './invite-form';
import { PendingInvites } from './pending-invites';
import type { RoleName } from './roles';
import { UserRow } from './user-row';

export function UsersClient({ overview, me }: { overview: UsersOverview; me: { id: string; role: RoleName } }) {
  const instanceName = new Map(overview.instances.map((i) => [i.id, i.name]));
  return (
    <div className="space-y-6">
      <ScrollCard label="Users">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Team members</caption>
          <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Person</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium">Last sign-in</th>
              <th scope="col" className="px-4 py-2 font-medium">Instances</th>
            </tr>
          </thead>
          <tbody>
            {overview.users.map((u) => (
              <UserRow key={u.id} user={u} me={me} instances={overview.instances} instanceName={instanceName} />
            ))}
          </tbody>
        </table>
      </ScrollCard>
      <div className="grid gap-6 lg:grid-cols-2">
        <InviteForm myRole={me.role} instances={overview.instances} />
        <PendingInvites invites={overview.invites} myRole={me.role} instanceName={instanceName} />
      </div>
    </div>
  );
}
