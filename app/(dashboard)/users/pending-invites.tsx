'use client';

import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { InviteView } from '@/lib/users/list-users';
import type { RoleName } from './roles';
import { useMutation } from './use-mutation';

const ok = z.object({ ok: z.literal(true) });

export function PendingInvites({ invites, myRole, instanceName }: { invites: InviteView[]; myRole: RoleName; instanceName: Map<string, string> }) {
  const { run, error, pending } = useMutation();
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold">Open invites</h2>
      {error ? <p role="alert" className="mb-2 text-sm text-danger">{error}</p> : null}
      {invites.length === 0 ? (
        <p className="text-sm text-muted">No open invites.</p>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <div className="font-medium">{i.email}</div>
                <div className="text-xs text-muted">
                  {i.role}
                  {i.instanceIds.length ? ` · ${i.instanceIds.map((id) => instanceName.get(id) ?? 'removed instance').join(', ')}` : ''} · by {i.invitedBy} ·
                  expires {new Date(i.expiresAt).toLocaleDateString()}
                </div>
              </div>
              {i.role !== 'owner' || myRole === 'owner' ? (
                <Button variant="ghost" disabled={pending} onClick={() => void run(`/api/invites/${i.id}`, 'DELETE', undefined, ok)} aria-label={`Withdraw invite for ${i.email}`}>
                  Withdraw
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
