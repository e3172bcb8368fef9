import type { InstanceBacklog } from '@/lib/team-stats/types';
import { ageText } from './chart-text';

/** Open reports and the oldest wait per instance: stacks into one line per instance at phone width. */
export function BacklogTable({ rows, now }: { rows: InstanceBacklog[]; now: number }) {
  if (rows.length === 0) return <p className="text-sm text-muted">No instances connected.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Open reports and the oldest open report per instance</caption>
        <thead className="text-xs text-muted">
          <tr><th scope="col" className="py-1 pr-3 font-medium">Instance</th><th scope="col" className="py-1 pr-3 font-medium">Open</th><th scope="col" className="py-1 font-medium">Oldest open</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.instanceId} className="border-t border-line" data-testid="backlog-row">
              <th scope="row" className="py-1 pr-3 font-normal"><span className="break-words">{r.name}</span> <span className="text-xs text-muted">{r.kind}</span></th>
              <td className="py-1 pr-3 tabular-nums">{r.open}</td>
              <td className={`py-1 ${r.oldestOpenAt && now - new Date(r.oldestOpenAt).getTime() > 7 * 86_400_000 ? 'text-warn' : ''}`}>
                {r.oldestOpenAt ? <time dateTime={r.oldestOpenAt} suppressHydrationWarning>{ageText(r.oldestOpenAt, now)}</time> : <span className="text-muted">nothing open</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
