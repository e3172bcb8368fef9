'use client';
/**
 * On the report page: the reported account's state on every other connected instance (a suspension elsewhere is
 * the first thing a moderator wants to know), with links to the account's and its domain's pages.
 */
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { accountHref, domainHref, fetchAccountStates } from './actors-api';
import { StateBadge } from './state-badge';

export function AccountElsewhere({ handle, currentInstanceId }: { handle: string; currentInstanceId: string }) {
  const q = useQuery({ queryKey: ['account-states', handle], queryFn: () => fetchAccountStates(handle), staleTime: 30_000, enabled: handle.includes('@') });
  const others = (q.data?.states ?? []).filter((s) => s.instance.id !== currentInstanceId);
  // Instances that never showed us the account say nothing about it: one line for them keeps the card short.
  const seen = others.filter((s) => s.state !== 'unknown');
  const unseen = others.filter((s) => s.state === 'unknown');
  const domain = handle.slice(handle.lastIndexOf('@') + 1);
  return (
    <section data-testid="account-elsewhere" aria-labelledby="account-elsewhere-title" className="rounded-lg border border-line bg-surface p-3 text-sm">
      <h2 id="account-elsewhere-title" className="mb-1.5 text-sm font-semibold">On other instances</h2>
      {q.isPending ? <p className="text-muted">Loading…</p> : null}
      {q.isError ? <p className="text-danger">Could not load: {q.error.message}</p> : null}
      {q.data && others.length === 0 ? <p className="text-muted">No other connected instance.</p> : null}
      {seen.length > 0 ? (
        <ul className="space-y-1">
          {seen.map((s) => (
            <li key={s.instance.id} data-testid="elsewhere-row" data-state={s.state} className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5">
              <span className="min-w-0 break-words">{s.instance.name}</span>
              <StateBadge state={s.state} />
            </li>
          ))}
        </ul>
      ) : null}
      {unseen.length > 0 ? (
        <p className="mt-1 text-muted" data-testid="elsewhere-unseen" title={unseen.map((s) => s.instance.name).join(', ')}>
          Not seen on {unseen.length === 1 ? unseen[0].instance.name : `${unseen.length} other instances`}.
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
        <Link href={accountHref(handle)} className="text-accent underline-offset-2 hover:underline">All about this account</Link>
        {domain ? <Link href={domainHref(domain)} className="text-accent underline-offset-2 hover:underline">Domain {domain}</Link> : null}
      </div>
    </section>
  );
}
