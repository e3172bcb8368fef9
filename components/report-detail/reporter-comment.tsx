import type { ReportDetail } from '@/lib/queue/detail-types';
import { Card } from '@/components/ui/card';

/** The reporter's comment and the rules they cited: remote plain text, escaped, line breaks kept. */
export function ReporterComment({ report }: { report: ReportDetail }) {
  return (
    <Card className="space-y-2">
      <h2 className="text-sm font-semibold">
        Comment {report.reporter ? <span className="font-normal text-muted">from @{report.reporter.acct}</span> : null}
      </h2>
      {report.comment ? <p className="whitespace-pre-wrap break-words text-sm" dir="auto">{report.comment}</p> : <p className="text-sm text-muted">The reporter left no comment.</p>}
      {report.rules.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Rules cited</h3>
          <ul className="list-disc pl-5 text-sm">{report.rules.map((r, i) => <li key={i} dir="auto">{r}</li>)}</ul>
        </div>
      ) : null}
    </Card>
  );
}
