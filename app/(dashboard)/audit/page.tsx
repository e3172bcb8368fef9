import { Suspense } from 'react';
import { requirePageActor } from '@/lib/auth/current-actor';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import { listAuditInstances } from '@/lib/audit/list-audit-instances';
import { PageHeader } from '@/components/ui/page-header';
import { AuditClient } from './page-client';

export default async function AuditPage() {
  const actor = await requirePageActor('admin', '/audit');
  const [actions, instances] = await Promise.all([
    listAuditActions({ ctx: { actor } }),
    listAuditInstances({ ctx: { actor } }),
  ]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sign-ins, settings, instance changes, media reveals and moderation actions, newest first. Each event carries a keyed MAC over its content and the one before it, and a signed head records where the log ends, so changes, gaps and removed newest events can be detected."
      />
      {/* useSearchParams in the client needs a boundary. */}
      <Suspense fallback={<p className="text-sm text-muted">Loading the audit log…</p>}>
        <AuditClient actions={actions} instances={instances} />
      </Suspense>
    </>
  );
}
