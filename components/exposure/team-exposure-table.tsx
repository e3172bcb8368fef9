'use client';

/**
 * Each colleague's exposure for leads: counts, a 28-day sparkline and their limit status, never the content.
 * A limited colleague has "Lift limit"; after a lift the server page is refreshed for the new status.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ScrollCard } from '@/components/ui/scroll-card';
import type { TeamExposureRow } from '@/lib/exposure/types';
import { minutesOf, whenUtc } from './format';
import { LiftDialog } from './lift-dialog';
import { ExposureSparkline } from './sparkline';

export function StatusCell({ row }: { row: TeamExposureRow }) {
  const s = row.status;
  if (s.limited) return <span className="space-y-0.5"><Badge tone="warn">Limited</Badge>{s.until ? <span className="block text-xs text-muted">until {whenUtc(s.until)}</span> : null}{s.reason ? <span className="block text-xs text-muted">{s.reason}</span> : null}</span>;
  if (s.lift) return <span><Badge tone="info">Lifted</Badge><span className="block text-xs text-muted">by {s.lift.by} until {whenUtc(s.lift.expiresAt)}</span></span>;
  return <Badge tone="ok">Within limits</Badge>;
}

export function TeamExposureTable({ rows, canLift = true }: { rows: TeamExposureRow[]; canLift?: boolean }) {
  const router = useRouter();
  const [target, setTarget] = useState<{ userId: string; label: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (rows.length === 0) return <Card><p className="text-sm text-muted">No colleagues to show yet.</p></Card>;
  return (
    <ScrollCard label="Exposure per colleague">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Exposure per colleague: reveals, severe reveals and minutes revealed in the last 7 and 28 days</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            <th scope="col" className="px-3 py-2">Colleague</th>
            <th scope="col" className="px-2">Reveals 7 / 28 d</th>
            <th scope="col" className="px-2">Severe 7 / 28 d</th>
            <th scope="col" className="px-2">Minutes 7 / 28 d</th>
            <th scope="col" className="px-2">28 days</th>
            <th scope="col" className="px-2">Status</th>
            <th scope="col" className="px-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} data-testid="team-exposure-row" data-user-id={r.userId} className="border-b border-line align-top last:border-0">
              <th scope="row" className="px-3 py-2 font-medium">{r.label}<span className="block text-xs font-normal text-muted">{r.role}</span></th>
              <td className="px-2 py-2 tabular-nums">{r.last7.reveals} / {r.last28.reveals}</td>
              <td className="px-2 py-2 tabular-nums">{r.last7.severeReveals} / {r.last28.severeReveals}</td>
              <td className="px-2 py-2 tabular-nums">{minutesOf(r.last7.revealSeconds)} / {minutesOf(r.last28.revealSeconds)}</td>
              <td className="px-2 py-2"><ExposureSparkline days={r.days} label={r.label} /></td>
              <td className="px-2 py-2"><StatusCell row={r} /></td>
              <td className="px-3 py-2 text-right">
                {canLift && r.status.limited ? (
                  <button type="button" data-testid="lift-limit-button" onClick={() => { setDone(null); setTarget({ userId: r.userId, label: r.label }); }} className="rounded-md border border-line bg-surface px-2 py-1 text-xs font-medium hover:bg-hover">
                    Lift limit<span className="sr-only"> for {r.label}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite" className="px-3 pb-2 text-sm text-ok">{done}</p>
      <LiftDialog target={target} onClose={() => setTarget(null)} onLifted={(label) => { setTarget(null); setDone(`Limit lifted for ${label}.`); router.refresh(); }} />
    </ScrollCard>
  );
}
