'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { bankDetailSchema, getJson, type BankDetail } from './bank-api';
import { EntryRow } from './entry-row';

/** The bank's entries, newest first, 100 a page (keyset on id), filtered by signal type and text. */
export function EntriesTable({ bankId, first, canEdit }: { bankId: string; first: BankDetail; canEdit: boolean }) {
  const [filter, setFilter] = useState({ signal: '', q: '' });
  const client = useQueryClient();
  const unfiltered = !filter.signal && !filter.q;
  const query = useInfiniteQuery({
    queryKey: ['bank-entries', bankId, filter.signal, filter.q],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ ...(pageParam ? { cursor: pageParam } : {}), ...(filter.signal ? { signal: filter.signal } : {}), ...(filter.q ? { q: filter.q } : {}) });
      return getJson(`/api/banks/${bankId}?${params}`, bankDetailSchema);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: unfiltered ? { pages: [first], pageParams: [null] } : undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Card className="space-y-3 p-0">
      <form
        aria-label="Filter entries"
        className="flex flex-wrap items-end gap-2 px-4 pt-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setFilter({ signal: String(f.get('signal') ?? ''), q: String(f.get('q') ?? '').trim() });
        }}
      >
        <h2 className="mr-auto text-sm font-semibold">Entries</h2>
        <div className="w-36">
          <Select name="signal" defaultValue="" aria-label="Signal type">
            <option value="">All signals</option><option value="pdq">PDQ</option><option value="md5">MD5</option><option value="sha256">SHA-256</option>
          </Select>
        </div>
        <div className="w-56"><Input name="q" placeholder="Hash prefix or label" aria-label="Search entries" maxLength={200} /></div>
        <Button type="submit">Filter</Button>
      </form>
      {query.isError ? <p className="px-4 text-sm text-danger">{query.error.message}</p> : null}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Bank entries">
        <table className="w-full text-sm">
          <thead className="border-y border-line text-left text-xs uppercase tracking-wide text-muted">
            <tr><th className="px-3 py-2">Hash</th><th className="px-3 py-2">Signal</th><th className="px-3 py-2">Label</th><th className="px-3 py-2">Provenance</th><th className="px-3 py-2">Enabled</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <EntryRow key={e.id} bankId={bankId} entry={e} canEdit={canEdit} onChanged={() => void client.invalidateQueries({ queryKey: ['bank', bankId] })} />
            ))}
          </tbody>
        </table>
        {entries.length === 0 && !query.isFetching ? <p className="px-4 py-3 text-sm text-muted">No entries{unfiltered ? ' yet' : ' match this filter'}.</p> : null}
      </div>
      {query.hasNextPage ? (
        <div className="px-4 pb-4">
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>{query.isFetchingNextPage ? 'Loading…' : 'Load 100 more'}</Button>
        </div>
      ) : <div className="pb-1" />}
    </Card>
  );
}
