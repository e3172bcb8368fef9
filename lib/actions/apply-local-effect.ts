import type { Tx } from '@/lib/db';
import type { Capabilities, ConnectorAction } from '@/lib/connectors/types';

/** Mirrors a confirmed remote change locally so the queue reflects it before the next sync. */
export async function applyLocalEffect(tx: Tx, instanceId: string, reportId: string | null, a: ConnectorAction, caps?: Capabilities): Promise<void> {
  if ((a.kind === 'report.resolve' || a.kind === 'report.reject') && reportId) {
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
  } else if (a.kind === 'account.delete') {
    // The account is gone on the server; suspended is the nearest state the queue shows. Evidence stays here.
    await tx.account.updateMany({ where: { instanceId, remoteId: a.accountId }, data: { suspended: true } });
  } else if (a.kind in STATUS_STATES) {
    const s = a as { statusId: string; blocked?: boolean };
    const state =
      a.kind === 'status.block' && s.blocked === false ? null
      : a.kind === 'status.delete' && caps?.statusDeleteReversible ? 'removed'
      : STATUS_STATES[a.kind];
    await tx.status.updateMany({ where: { instanceId, remoteId: s.statusId }, data: { remoteState: state } });
  } else if (a.kind === 'status.sensitive') {
    await tx.status.updateMany({ where: { instanceId, remoteId: a.statusId }, data: { sensitive: a.sensitive } });
  } else if (a.kind === 'status.visibility') {
    await tx.status.updateMany({ where: { instanceId, remoteId: a.statusId }, data: { visibility: a.visibility } });
  } else if (a.kind === 'media.delete') {
    await tx.media.updateMany({ where: { instanceId, remoteId: a.mediaId }, data: { remoteDeletedAt: new Date() } });
  }
}

/** What each post action leaves of the post on its server (Lemmy's removal is reversible; a purge is not). */
const STATUS_STATES: Record<string, string> = {
  'status.delete': 'deleted',
  'status.purge': 'purged',
  'status.block': 'blocked',
};
