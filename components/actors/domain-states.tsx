'use client';
/** The domain on each instance: blocked from here or not, and how many of its accounts the instance knows. */
import { Badge } from '@/components/ui/badge';
import { kindName } from '@/lib/actors/kind-names';
import type { InstanceDomainState } from '@/lib/actors/types';
import { shortDate } from './when';

function stateOf(i: InstanceDomainState): string {
  if (i.own) return 'own';
  return i.blocked ? 'blocked' : 'nothing';
}

export function DomainStates({ instances }: { instances: InstanceDomainState[] }) {
  if (instances.length === 0) return <p className="text-sm text-muted">No connected instance you can see.</p>;
  return (
    <table data-testid="account-states" className="w-full text-sm">
      <caption className="sr-only">This domain on each connected instance</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-line text-left text-xs text-muted">
          <th scope="col" className="py-1.5 pr-3 font-medium">Instance</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">Block</th>
          <th scope="col" className="py-1.5 pr-3 font-medium">Known accounts</th>
        </tr>
      </thead>
      <tbody>
        {instances.map((i) => (
          <tr key={i.instance.id} data-testid="state-row" data-state={stateOf(i)} data-instance={i.instance.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line py-2 md:table-row md:py-0">
            <th scope="row" className="min-w-0 text-left font-medium md:py-2 md:pr-3">
              <span className="break-words">{i.instance.name}</span>{' '}
              <span className="text-xs font-normal text-muted">{kindName(i.instance.kind)} · {i.instance.domain}</span>
            </th>
            <td className="md:py-2 md:pr-3">
              {i.own ? <Badge>Its own domain</Badge>
                : i.blocked ? <Badge tone="danger">{i.severity === 'silence' ? 'Limited' : 'Blocked'}{i.blockedAt ? ` since ${shortDate(i.blockedAt)}` : ''}</Badge>
                : <Badge>Not blocked from here</Badge>}
            </td>
            <td className="text-xs text-muted md:py-2 md:pr-3">{i.knownAccounts} known account{i.knownAccounts === 1 ? '' : 's'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
