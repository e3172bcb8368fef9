'use client';
/** One signed-in session: device, how it signed in, address, when; "This session" marked; an End button. */
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { timeAgo } from '@/components/ui/time-ago';
import { METHOD_LABELS, type SessionView } from '@/lib/auth/sessions/types';

function When({ iso }: { iso: string }) {
  // Relative text is computed on both server and client; a minute's difference is not worth a hydration error.
  return <time dateTime={iso} title={iso} suppressHydrationWarning>{timeAgo(iso)}</time>;
}

export function SessionRow({ session, busy, onEnd }: { session: SessionView; busy: boolean; onEnd: (s: SessionView) => void }) {
  return (
    <li data-testid="session-row" data-current={session.current ? 'true' : 'false'} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span>{session.device}</span>
          {session.current ? <Badge tone="ok">This session</Badge> : null}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-muted">
          <dt>Signed in with</dt>
          <dd>{METHOD_LABELS[session.method] ?? session.method}</dd>
          <dt>IP address</dt>
          <dd className="break-all">{session.ip ?? 'not seen yet'}</dd>
          <dt>Signed in</dt>
          <dd><When iso={session.createdAt} /></dd>
          <dt>Last seen</dt>
          <dd><When iso={session.lastSeenAt} /></dd>
        </dl>
      </div>
      <Button
        type="button"
        data-testid="end-session-button"
        className="self-start sm:self-center"
        disabled={busy}
        onClick={() => onEnd(session)}
        aria-label={session.current ? 'End this session (signs you out here)' : `End session on ${session.device}`}
      >
        {session.current ? 'End (sign out)' : 'End'}
      </Button>
    </li>
  );
}
