'use client';

/**
 * The leads' dashboard: the period switch (7/30/90 days) and the figures from /api/team/stats, refreshed every
 * five minutes (these are trends, not a live queue).
 */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { STATS_PERIODS, type StatsDays, type TeamStats } from '@/lib/team-stats/types';
import { BacklogTable } from './backlog-table';
import { durationText, seriesSummary } from './chart-text';
import { DayChart } from './day-chart';
import { DecisionsCharts } from './decisions-charts';

export function TeamDashboard({ initial }: { initial: TeamStats }) {
  const [days, setDays] = useState<StatsDays>(initial.days);
  const q = useQuery({
    queryKey: ['team-stats', days],
    queryFn: () => requestJson<TeamStats>(`/api/team/stats?days=${days}`),
    initialData: days === initial.days ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });
  const s = q.data;
  const now = Date.now();
  const hours = (v: number | null) => (v === null ? null : Math.round((v / 3600) * 10) / 10);

  return (
    <div className="space-y-5" data-testid="team-dashboard">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Period" className="inline-flex overflow-hidden rounded-md border border-line">
          {STATS_PERIODS.map((d) => (
            <button key={d} type="button" aria-pressed={days === d} onClick={() => setDays(d)}
              className={`px-3 py-1.5 text-sm ${days === d ? 'bg-accent text-on-accent' : 'bg-surface text-ink hover:bg-subtle'}`}>
              {d} days
            </button>
          ))}
        </div>
        <p className="text-xs text-muted" role="status" aria-live="polite">
          {q.isFetching ? 'Updating…' : s ? `Last ${s.days} days (UTC), ${s.days === days ? 'up to date' : 'loading'}.` : ''}
        </p>
      </div>
      {q.isError ? <Alert tone="error">Could not load the figures: {q.error.message}</Alert> : null}
      {s ? (
        <>
          <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <Card className="min-w-0 space-y-2">
              <h2 className="text-sm font-semibold">Open and oldest per instance</h2>
              <BacklogTable rows={s.perInstance} now={now} />
            </Card>
            <Card className="min-w-0 space-y-2">
              <h2 className="text-sm font-semibold">Time from report to first action</h2>
              <dl className="grid grid-cols-3 gap-2 text-sm">
                <div><dt className="text-xs text-muted">Median</dt><dd className="font-medium">{durationText(s.firstAction.medianSeconds)}</dd></div>
                <div><dt className="text-xs text-muted">90th percentile</dt><dd className="font-medium">{durationText(s.firstAction.p90Seconds)}</dd></div>
                <div><dt className="text-xs text-muted">Reports acted on</dt><dd className="font-medium">{s.firstAction.count}</dd></div>
              </dl>
              <FirstActionChart s={s} hours={hours} />
            </Card>
          </div>
          <Card className="min-w-0 space-y-3">
            <h2 className="text-sm font-semibold">Reports received</h2>
            <DayChart title="Reports per day" summary={seriesSummary('Reports received', s.dayList, [{ label: 'Reports', values: s.received.map((d) => d.received) }])}
              days={s.dayList} series={[{ label: 'Reports', values: s.received.map((d) => d.received), tone: 'accent' }]} />
          </Card>
          <Card className="min-w-0 space-y-3">
            <h2 className="text-sm font-semibold">Automated and manual work</h2>
            <p className="text-xs text-muted">Automated: actions no person asked for (purge steps, jobs) and cases opened by a hash match. Manual: actions and cases people started. Undone actions are not counted.</p>
            <AutoManualChart s={s} />
          </Card>
          <Card className="min-w-0 space-y-3">
            <h2 className="text-sm font-semibold">Decisions per moderator per day</h2>
            <p className="text-xs text-muted">Actions a person asked for that the server carried out, by the day they were done.</p>
            <DecisionsCharts stats={s} />
          </Card>
        </>
      ) : q.isLoading ? <p className="text-sm text-muted">Loading the figures…</p> : null}
    </div>
  );
}

function FirstActionChart({ s, hours }: { s: TeamStats; hours: (v: number | null) => number | null }) {
  const series = [
    { label: 'Median (hours)', values: s.firstAction.perDay.map((d) => hours(d.medianSeconds)), tone: 'accent' as const },
    { label: '90th percentile (hours)', values: s.firstAction.perDay.map((d) => hours(d.p90Seconds)), tone: 'warn' as const },
  ];
  const acted = s.firstAction.perDay.filter((d) => d.count > 0).length;
  const summary = `Time from report to first action per day over ${s.days} days: median ${durationText(s.firstAction.medianSeconds)}, 90th percentile ${durationText(s.firstAction.p90Seconds)}, over ${s.firstAction.count} reports on ${acted} days.`;
  return (
    <div data-testid="chart-first-action">
      <DayChart title="Per day of the first action" summary={summary} days={s.dayList} series={series} kind="lines" format={(v) => `${v} h`} />
    </div>
  );
}

function AutoManualChart({ s }: { s: TeamStats }) {
  const series = [
    { label: 'Manual', values: s.autoManual.perDay.map((d) => d.manual), tone: 'accent' as const },
    { label: 'Automated', values: s.autoManual.perDay.map((d) => d.automated), tone: 'ok' as const },
  ];
  return (
    <div data-testid="chart-auto-manual">
      <DayChart title={`${s.autoManual.manual} manual, ${s.autoManual.automated} automated`} summary={seriesSummary('Automated and manual work', s.dayList, series as { label: string; values: number[] }[])} days={s.dayList} series={series} />
    </div>
  );
}
