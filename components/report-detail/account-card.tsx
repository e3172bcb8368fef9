import Link from 'next/link';
import type { AccountCard as Account } from '@/lib/queue/detail-types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

const FLAGS = [['suspended', 'danger'], ['silenced', 'warn'], ['disabled', 'warn'], ['sensitized', 'info']] as const;

/** The reported (or reporting) account. Names are remote text: escaped, and isolated for bidi (dir="auto"). */
export function AccountCard({ title, account }: { title: string; account: Account }) {
  const flags = FLAGS.filter(([f]) => account[f]);
  return (
    <Card className="space-y-1.5">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="font-medium" dir="auto">{account.displayName || account.acct}</p>
      <p className="text-sm break-all text-muted">@{account.acct} · {account.domain ?? 'local account'}</p>
      {flags.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Account flags">
          {flags.map(([f, tone]) => <li key={f}><Badge tone={tone}>{f}</Badge></li>)}
        </ul>
      ) : <p className="text-xs text-muted">No moderation flags on this instance.</p>}
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {/* The cross-instance page: its state on every connected server, all its reports, the team's notes. */}
        <Link href={`/accounts/${encodeURIComponent(account.handle)}`} className="text-accent underline" data-testid="account-page-link">
          This account everywhere<span className="sr-only">: {account.handle}</span>
        </Link>
        {account.url ? (
          <a href={account.url} target="_blank" rel="noreferrer noopener" className="text-accent underline">
            Open profile on its server<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
      </p>
    </Card>
  );
}
