'use client';

/** The nav's "Inbox" link with the number of unseen mentions (plus open escalations for admins), every 60 s. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { fetchInbox } from './notes-api';

export const INBOX_REFRESH_MS = 60_000;

export function inboxCount(d: { unseenCount: number; openEscalationCount: number } | undefined): number {
  return d ? d.unseenCount + d.openEscalationCount : 0;
}

export function InboxLink({ className = '' }: { className?: string }) {
  const path = usePathname();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: fetchInbox, refetchInterval: INBOX_REFRESH_MS, refetchOnWindowFocus: true });
  const count = inboxCount(inbox.data);
  const current = path === '/inbox';
  return (
    <Link
      href="/inbox"
      aria-current={current ? 'page' : undefined}
      aria-label={count > 0 ? `Inbox, ${count} new` : 'Inbox, nothing new'}
      className={`inline-flex items-center gap-1.5 ${className}`}
    >
      Inbox
      {count > 0 ? (
        <span data-testid="inbox-count" data-count={count} aria-hidden="true" className="rounded-full bg-accent px-1.5 text-xs font-semibold text-on-accent">{count > 99 ? '99+' : count}</span>
      ) : <span data-testid="inbox-count" data-count="0" hidden />}
    </Link>
  );
}
