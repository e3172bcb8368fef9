'use client';

import { TeamCard } from '@/components/notes/team-card';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { ActorCases } from '@/components/actors/actor-cases';
import { ActorReports } from '@/components/actors/actor-reports';
import { ApplyEverywherePanel } from '@/components/actors/apply-everywhere-panel';
import { fetchDomain } from '@/components/actors/actors-api';
import { DomainStates } from '@/components/actors/domain-states';
import type { DomainProfile } from '@/lib/actors/types';

const REFRESH_MS = 30_000;

export function DomainClient({ initial }: { initial: DomainProfile }) {
  const key = ['domain', initial.domain] as const;
  const q = useQuery({ queryKey: key, queryFn: () => fetchDomain(initial.domain), initialData: initial, refetchInterval: REFRESH_MS });
  const p = q.data;
  const blockedOn = p.instances.filter((i) => i.blocked).length;
  return (
    <>
      <header className="mb-4">
        <h1 className="break-all text-xl font-semibold">{p.domain}</h1>
        <p className="text-sm text-muted">
          Blocked on {blockedOn} of {p.instances.length} instance{p.instances.length === 1 ? '' : 's'} · {p.openReports.length} open report{p.openReports.length === 1 ? '' : 's'} against its accounts
        </p>
      </header>
      {q.isError ? <div className="mb-3"><Alert tone="error">Could not refresh: {q.error.message}</Alert></div> : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-5">
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">On each instance</h2>
            <DomainStates instances={p.instances} />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Open reports against its accounts</h2>
            <ActorReports reports={p.openReports} showTarget empty="No open reports against its accounts on the instances you can see." />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Cases</h2>
            <ActorCases cases={p.cases} />
          </Card>
        </div>
        <aside className="min-w-0 space-y-5" aria-label="Actions and team notes">
          {p.canAct ? (
            <ApplyEverywherePanel target={{ type: 'domain', domain: p.domain }} domain={p.domain} label={p.domain} refreshKey={key} />
          ) : (
            <p className="text-sm text-muted">Your role can read this domain but not act on it.</p>
          )}
          <TeamCard subjectType="domain" subjectKey={p.domain} canWrite={p.canAct} />
        </aside>
      </div>
    </>
  );
}
