import { Suspense } from 'react';
import { RoleTooLow } from '@/components/auth/role-too-low';
import { checkPageAccess } from '@/lib/auth/page-access';
import { listAuditActions } from '@/lib/audit/list-audit-actions';
import { listAuditInstances } from '@/lib/audit/list-audit-instances';
import { PageHeader } from '@/components/ui/page-header';
import { AuditClient } from './page-client';

export default async function AuditPage() {
  const access = await checkPageAccess('admin', '/audit');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="The audit log records who did what, including other people's sign-ins." />;
  const { actor } = access;
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
