'use client';

import { TeamCard } from '@/components/notes/team-card';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { AccountStates } from '@/components/actors/account-states';
import { ActorCases } from '@/components/actors/actor-cases';
import { ActorPosts } from '@/components/actors/actor-posts';
import { ActorReports } from '@/components/actors/actor-reports';
import { ApplyEverywherePanel } from '@/components/actors/apply-everywhere-panel';
import { domainHref, fetchAccount } from '@/components/actors/actors-api';
import type { AccountProfile } from '@/lib/actors/types';

const REFRESH_MS = 30_000;

export function AccountClient({ initial, gray }: { initial: AccountProfile; gray: boolean }) {
  const key = ['account', initial.handle] as const;
  const q = useQuery({ queryKey: key, queryFn: () => fetchAccount(initial.handle), initialData: initial, refetchInterval: REFRESH_MS });
  const p = q.data;
  const openReports = p.reports.filter((r) => r.status === 'open').length;
  return (
    <>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        {/* No remote avatar: loading it would tell the account's server who is looking. */}
        <div className="min-w-0">
          <h1 className="break-all text-xl font-semibold">@{p.handle}</h1>
          <p className="text-sm text-muted">
            {p.displayName ? <span className="break-words">{p.displayName} · </span> : null}
            {p.reports.length} report{p.reports.length === 1 ? '' : 's'} ({openReports} open) ·{' '}
            <Link href={domainHref(p.domain)} className="text-accent underline underline-offset-2">domain {p.domain}</Link>
            {p.url ? <> · <a href={p.url} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2">profile on its server</a></> : null}
          </p>
        </div>
      </header>
      {q.isError ? <div className="mb-3"><Alert tone="error">Could not refresh: {q.error.message}</Alert></div> : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-5">
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">State on each instance</h2>
            <AccountStates states={p.states} />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Reports against this account</h2>
            <ActorReports reports={p.reports} empty="No reports against this account on the instances you can see." />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Posts with media</h2>
            <ActorPosts posts={p.posts} gray={gray} />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Cases</h2>
            <ActorCases cases={p.cases} />
          </Card>
        </div>
        <aside className="min-w-0 space-y-5" aria-label="Actions and team notes">
          {p.canAct ? (
            <ApplyEverywherePanel target={{ type: 'account', handle: p.handle }} domain={p.domain} label={`@${p.handle}`} refreshKey={key} />
          ) : (
            <p className="text-sm text-muted">Your role can read this account but not act on it.</p>
          )}
          <TeamCard subjectType="account" subjectKey={p.handle} canWrite={p.canAct} />
        </aside>
      </div>
    </>
  );
}
