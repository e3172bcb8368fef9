'use client';

import { ScrollCard } from '@/components/ui/scroll-card';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AuditFilterBar, type InstanceOption } from '@/components/audit/audit-filter-bar';
import { AuditTable } from '@/components/audit/audit-table';
import { AuditToolbar } from '@/components/audit/audit-toolbar';
import { apiParams, dateRangeError, hasFilters, pageSearch, readUrlFilters, type AuditUrlFilters } from '@/components/audit/audit-url';
import { useAuditLog, useIsClient } from '@/components/audit/use-audit-log';

export function AuditClient({ actions, instances }: { actions: string[]; instances: InstanceOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const filters = readUrlFilters(new URLSearchParams(search));
  const isClient = useIsClient();
  // A backwards range from a hand-made link is not queried: the filter bar shows why, and the list says so.
  const rangeError = dateRangeError(filters);
  // Dates become instants in the browser's zone, so API params exist only once hydrated.
  const params = isClient && !rangeError ? apiParams(filters).toString() : null;
  const log = useAuditLog(params ?? '', params !== null);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  const go = (f: AuditUrlFilters) => {
    const qs = pageSearch(f);
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  return (
    <>
      <AuditFilterBar key={search} value={filters} actions={actions} instances={instances} onApply={go} onClear={() => go(readUrlFilters(new URLSearchParams()))} />
      <AuditToolbar params={params} />
      {/* A plain form POST: the browser sends Origin (CSRF check) and saves the attachment. */}
      <form method="post" action="/api/audit/checkpoint" className="mb-3 flex flex-wrap items-center gap-2 text-sm text-muted">
        <Button type="submit">Export checkpoint</Button>
        <span>Signs the log&apos;s current end. Keep the file away from this server; <code>npm run cli -- audit verify --checkpoint FILE</code> then detects any later truncation or rollback.</span>
      </form>
      {log.error ? <Alert tone="error">The audit log could not be loaded: {log.error.message}</Alert> : null}
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {rangeError ? 'No events shown: the date range runs backwards.' : log.isPending ? 'Loading events…' : items.length === 0 ? (hasFilters(filters) ? 'No events match these filters.' : 'No events recorded yet.') : `Showing ${items.length} event${items.length === 1 ? '' : 's'}${log.hasNextPage ? '; more are available' : ''}.`}
      </p>
      {items.length > 0 ? (
        <ScrollCard label="Audit events">
          <AuditTable items={items} />
        </ScrollCard>
      ) : null}
      {log.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </>
  );
}
