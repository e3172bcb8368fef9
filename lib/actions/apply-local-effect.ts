import type { Tx } from '@/lib/db';
import type { ConnectorAction } from '@/lib/connectors/types';

/** Mirrors a confirmed remote change locally so the queue reflects it before the next sync. */
export async function applyLocalEffect(tx: Tx, instanceId: string, reportId: string | null, a: ConnectorAction): Promise<void> {
  if (a.kind === 'report.resolve' && reportId) {
    await tx.report.update({ where: { id: reportId }, data: { status: 'resolved', resolvedAt: new Date() } });
  } else if (a.kind === 'report.reopen' && reportId) {
    await tx.report.update({ where: { id: reportId }, data: { status: 'open', resolvedAt: null } });
  } else if (a.kind === 'account.action') {
    const flags: Record<string, boolean> = {};
    if (a.type === 'suspend') flags.suspended = true;
    if (a.type === 'silence') flags.silenced = true;
    if (a.type === 'sensitive') flags.sensitized = true;
    if (a.type === 'disable') flags.disabled = true;
    await tx.account.updateMany({ where: { instanceId, remoteId: a.accountId }, data: flags });
  } else if (a.kind === 'account.undo') {
    const key = { unsuspend: 'suspended', unsilence: 'silenced', unsensitive: 'sensitized', enable: 'disabled' }[a.type];
    await tx.account.updateMany({ where: { instanceId, remoteId: a.accountId }, data: { [key]: false } });
  }
}
