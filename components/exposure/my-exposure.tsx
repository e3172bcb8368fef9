/** The personal exposure view: status, 28-day totals, a day chart, a week chart, the latest events. Server-renderable. */
import { Card } from '@/components/ui/card';
import type { MyExposureView } from '@/lib/exposure/types';
import { ExposureBarChart, chartSummary, type ChartBar } from './bar-chart';
import { ExposureStatusCard } from './exposure-status';
import { ExposureTotals } from './exposure-totals';
import { minutesOf, shortDay } from './format';
import { RecentExposure } from './recent-events';

export function MyExposure({ view }: { view: MyExposureView }) {
  const dayBars: ChartBar[] = view.days.map((d) => ({ label: shortDay(d.day), total: d.reveals, severe: d.severeReveals, minutes: minutesOf(d.revealSeconds) }));
  const weekBars: ChartBar[] = view.weeks.map((w) => ({ label: `Week of ${shortDay(w.weekStart)}`, total: w.reveals, severe: w.severeReveals, minutes: minutesOf(w.revealSeconds) }));
  return (
    <div className="grid max-w-3xl gap-6">
      <ExposureStatusCard status={view.status} />
      <Card className="space-y-4">
        <h2 className="text-base font-semibold">Last 28 days</h2>
        <ExposureTotals days={view.days} />
        <ExposureBarChart title="Reveals per day, last 28 days (UTC)" bars={dayBars} testId="exposure-chart-days" summary={chartSummary('Last 28 days', dayBars)} />
      </Card>
      <Card>
        <ExposureBarChart title="Reveals per week, last 12 weeks" bars={weekBars} testId="exposure-chart-weeks" summary={chartSummary('Last 12 weeks', weekBars)} />
      </Card>
      <Card className="space-y-2">
        <h2 className="text-base font-semibold">Most recent</h2>
        <p className="text-xs text-muted">What you were shown and when, without the content.</p>
        <RecentExposure recent={view.recent} />
      </Card>
    </div>
  );
}
