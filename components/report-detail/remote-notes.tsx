import type { ReportDetail } from '@/lib/queue/detail-types';
import { Card } from '@/components/ui/card';

/**
 * Notes other moderators left on the server itself (Akkoma report notes, Misskey's moderation note, PeerTube's
 * moderation comment), so a team that also works in the native admin sees one history. Remote text, escaped.
 */
export function RemoteNotes({ report }: { report: ReportDetail }) {
  if (report.remoteNotes.length === 0) return null;
  return (
    <Card className="space-y-2" data-testid="remote-notes">
      <h2 className="text-sm font-semibold">Notes on {report.instance.name}</h2>
      <ol className="space-y-2">
        {report.remoteNotes.map((n, i) => (
          <li key={i} className="border-l-2 border-line pl-2 text-sm">
            {n.author || n.createdAt ? (
              <p className="text-xs text-muted">
                {n.author ? `@${n.author}` : null}
                {n.author && n.createdAt ? ' · ' : null}
                {n.createdAt ? <time dateTime={n.createdAt} suppressHydrationWarning>{new Date(n.createdAt).toLocaleString()}</time> : null}
              </p>
            ) : null}
            <p className="whitespace-pre-wrap break-words" dir="auto">{n.text}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
