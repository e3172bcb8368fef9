'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useVerifyChain } from './use-audit-log';

const LINK = 'inline-flex items-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-hover';

/** Export links carry the current filters (`params`); null until the browser has turned dates into instants. */
export function AuditToolbar({ params }: { params: string | null }) {
  const verify = useVerifyChain();
  const href = (format: 'csv' | 'json') => `/api/audit/export?${new URLSearchParams([['format', format], ...new URLSearchParams(params ?? '')]).toString()}`;
  return (
    <div className="mb-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">Export matching events:</span>
        {params === null ? null : (
          <>
            <a className={LINK} href={href('csv')} download>CSV</a>
            <a className={LINK} href={href('json')} download>JSON</a>
          </>
        )}
        <Button className="ml-auto" onClick={() => verify.mutate()} disabled={verify.isPending} aria-describedby="verify-help">
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </Button>
        <span id="verify-help" className="sr-only">Recomputes every event&apos;s hash and checks each links to the one before it.</span>
      </div>
      {verify.data ? (
        verify.data.ok
          ? <Alert tone="ok">Chain intact: {verify.data.checked} events checked</Alert>
          : <Alert tone="error">Broken at event #{verify.data.firstBroken?.seq}: {verify.data.firstBroken?.reason}</Alert>
      ) : null}
      {verify.error ? <Alert tone="error">The chain could not be checked: {verify.error.message}</Alert> : null}
    </div>
  );
}
