'use client';
/** The account's state on each instance: a table at md+, one stacked block per instance on a phone. */
import type { InstanceAccountState } from '@/lib/actors/types';
import { kindName } from '@/lib/actors/kind-names';
import { StateBadge } from './state-badge';
import { shortDate } from './when';

export function AccountStates({ states }: { states: InstanceAccountState[] }) {
  if (states.length === 0) return <p className="text-sm text-muted">No connected instance you can see.</p>;
  return (
    <table data-testid="account-states" className="w-full text-sm">
      <caption className="sr-only">State of this account on each connected instance</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-line text-left text-xs text-muted">
          <th scope="col" className="py-1.5 pr-3 font-medium">Instance</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">State</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">Last synced</th>
        </tr>
      </thead>
      <tbody>
        {states.map((s) => (
          <tr key={s.instance.id} data-testid="state-row" data-state={s.state} data-instance={s.instance.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line py-2 md:table-row md:py-0">
            <th scope="row" className="min-w-0 text-left font-medium md:py-2 md:pr-3">
              <span className="break-words">{s.instance.name}</span>{' '}
              <span className="text-xs font-normal text-muted">{kindName(s.instance.kind)} · {s.instance.domain}</span>
            </th>
            <td className="md:py-2 md:pr-3">
              <StateBadge state={s.state} />
              {s.domainBlocked && s.state !== 'blocked' ? <span className="ml-1.5 text-xs text-muted">(domain also blocked)</span> : null}
            </td>
            <td className="w-full text-xs text-muted md:w-auto md:py-2 md:pr-3">
              {s.seenAt ? `Synced ${shortDate(s.seenAt)}` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
