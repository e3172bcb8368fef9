import type { TeamStats } from '@/lib/team-stats/types';
import { DayChart } from './day-chart';
import { seriesSummary } from './chart-text';

/** One small chart per moderator (small multiples compare people without a legend of a dozen colours). */
export function DecisionsCharts({ stats }: { stats: TeamStats }) {
  const { moderators } = stats.decisions;
  return (
    <div data-testid="chart-decisions" className="space-y-3">
      {moderators.length === 0 ? <p className="text-sm text-muted">Nobody took a decision in this period.</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {moderators.map((m) => {
          const title = `${m.label}: ${m.total} decision${m.total === 1 ? '' : 's'}, ${m.resolves} report${m.resolves === 1 ? '' : 's'} closed`;
          const series = [{ label: 'Decisions', values: m.perDay, tone: 'accent' as const }];
          return <DayChart key={m.userId} title={title} summary={seriesSummary(`Decisions by ${m.label}`, stats.dayList, series)} days={stats.dayList} series={series} />;
        })}
      </div>
    </div>
  );
}
