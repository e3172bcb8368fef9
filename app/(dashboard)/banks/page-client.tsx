'use client';

import { ScrollCard } from '@/components/ui/scroll-card';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { bankListSchema, getJson, isActive, type BankSummary } from '@/components/banks/bank-api';
import { EnabledBadge, KindBadge, SeverityText } from '@/components/banks/bank-badges';
import { NewBankForm } from '@/components/banks/new-bank-form';
import { RematchProgress } from '@/components/banks/rematch-progress';

const fmt = new Intl.NumberFormat('en-US');

export function BanksClient({ initial, isAdmin }: { initial: unknown; isAdmin: boolean }) {
  const { data, error } = useQuery({
    queryKey: ['banks'],
    queryFn: async () => (await getJson('/api/banks', bankListSchema)).banks,
    initialData: () => bankListSchema.shape.banks.parse(initial),
    // Poll only while a rematch is live, so the progress bars move without a page full of idle requests.
    refetchInterval: (q) => (q.state.data?.some((b) => isActive(b.latestRun)) ? 2_000 : false),
  });
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className={isAdmin ? 'lg:col-span-2' : 'lg:col-span-3'}>
        {error ? <p className="mb-2 text-sm text-danger">{error.message}</p> : null}
        {data.length === 0 ? (
          <Card><p className="text-sm">No bank yet.{isAdmin ? ' Create one, then import a hash list or add media to it from a report.' : ' An admin can create one.'}</p></Card>
        ) : (
          <BankTable banks={data} />
        )}
      </div>
      {isAdmin ? <div><NewBankForm /></div> : null}
    </div>
  );
}

function BankTable({ banks }: { banks: BankSummary[] }) {
  return (
    <ScrollCard label="Hash banks">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th className="px-3 py-2">Bank</th><th className="px-3 py-2">Kind</th><th className="px-3 py-2">Label</th><th className="px-3 py-2">Severity</th>
            <th className="px-3 py-2">Entries</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Last rematch</th>
          </tr>
        </thead>
        <tbody>
          {banks.map((b) => {
            const total = b.entries.pdq + b.entries.md5 + b.entries.sha256;
            return (
              <tr key={b.id} className="border-b border-line align-top last:border-0" data-testid="bank-row">
                <td className="px-3 py-2">
                  <Link className="font-medium text-accent hover:underline" href={`/banks/${b.id}`}>{b.name}</Link>
                  {b.description ? <div className="max-w-xs truncate text-xs text-muted" title={b.description}>{b.description}</div> : null}
                </td>
                <td className="px-3 py-2"><KindBadge kind={b.kind} /></td>
                <td className="px-3 py-2">{b.label ?? <span className="text-muted">—</span>}</td>
                <td className="px-3 py-2"><SeverityText kind={b.kind} severity={b.severity} /></td>
                <td className="px-3 py-2 tabular-nums">
                  {fmt.format(total)}
                  <div className="text-xs text-muted">PDQ {fmt.format(b.entries.pdq)} · MD5 {fmt.format(b.entries.md5)} · SHA-256 {fmt.format(b.entries.sha256)}{b.disabledEntries ? ` · ${fmt.format(b.disabledEntries)} disabled` : ''}</div>
                </td>
                <td className="px-3 py-2"><EnabledBadge enabled={b.enabled} /></td>
                <td className="px-3 py-2"><RematchProgress run={b.latestRun} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollCard>
  );
}
