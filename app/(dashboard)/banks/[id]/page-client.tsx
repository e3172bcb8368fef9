'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { bankDetailSchema, getJson, isActive } from '@/components/banks/bank-api';
import { EnabledBadge, KindBadge, SeverityText } from '@/components/banks/bank-badges';
import { BankSettings } from '@/components/banks/bank-settings';
import { EntriesTable } from '@/components/banks/entries-table';
import { ImportForm } from '@/components/banks/import-form';
import { RematchRuns } from '@/components/banks/rematch-runs';

const fmt = new Intl.NumberFormat('en-US');

export function BankDetailClient({ initial, isAdmin, canExport }: { initial: unknown; isAdmin: boolean; canExport: boolean }) {
  const [start] = useState(() => bankDetailSchema.parse(initial));
  const client = useQueryClient();
  const { data, refetch } = useQuery({
    queryKey: ['bank', start.bank.id],
    queryFn: () => getJson(`/api/banks/${start.bank.id}`, bankDetailSchema),
    initialData: start,
    refetchInterval: (q) => (q.state.data?.runs.some(isActive) ? 2_000 : false),
  });
  const b = data.bank;
  const refresh = () => {
    void refetch();
    void client.invalidateQueries({ queryKey: ['bank-entries', b.id] });
    void client.invalidateQueries({ queryKey: ['banks'] });
  };
  return (
    <>
      <PageHeader
        title={b.name}
        description={b.description || undefined}
        actions={canExport ? <a className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium hover:bg-hover" href={`/api/banks/${b.id}/export`} download>Export CSV</a> : null}
      />
      <Card className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <div><div className="text-xs text-muted">Kind</div><KindBadge kind={b.kind} /></div>
        <div><div className="text-xs text-muted">Label</div>{b.label ?? <span className="text-muted">—</span>}</div>
        <div><div className="text-xs text-muted">Severity</div><SeverityText kind={b.kind} severity={b.severity} /></div>
        <div><div className="text-xs text-muted">Status</div><EnabledBadge enabled={b.enabled} /></div>
        <div>
          <div className="text-xs text-muted">Enabled entries</div>
          <span className="tabular-nums" data-testid="entry-count">{fmt.format(b.entries.pdq + b.entries.md5 + b.entries.sha256)}</span>
          <div className="text-xs text-muted">PDQ {fmt.format(b.entries.pdq)} · MD5 {fmt.format(b.entries.md5)} · SHA-256 {fmt.format(b.entries.sha256)}</div>
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2"><EntriesTable bankId={b.id} first={start} canEdit={isAdmin} /></div>
        <div className="space-y-4">
          {isAdmin ? <ImportForm bankId={b.id} onImported={refresh} /> : null}
          <RematchRuns runs={data.runs} />
          {isAdmin ? <BankSettings bank={b} onChanged={refresh} /> : null}
        </div>
      </div>
    </>
  );
}
