/** Maps each supported ConnectorAction to its Misskey endpoint (instance-apis.md §4). All of them answer 204. */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import type { MisskeyClient } from './client';
import { safeId } from './parse-remote';

export async function performMisskey(client: MisskeyClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve':
      // Always "accept": the action carries no outcome, and "reject" would tell the reporter nothing was wrong.
      await client.call('admin/resolve-abuse-user-report', { reportId: safeId(action.reportId), resolvedAs: 'accept' });
      return { ok: true, remoteRef: action.reportId };
    case 'report.forward':
      await client.call('admin/forward-abuse-user-report', { reportId: safeId(action.reportId) });
      return { ok: true, remoteRef: action.reportId };
    case 'account.action':
      if (action.type !== 'suspend') throw unsupported(`account.action ${action.type}`);
      await client.call('admin/suspend-user', { userId: safeId(action.accountId) });
      return { ok: true, remoteRef: action.accountId };
    case 'account.undo':
      if (action.type !== 'unsuspend') throw unsupported(`account.undo ${action.type}`);
      await client.call('admin/unsuspend-user', { userId: safeId(action.accountId) });
      return { ok: true, remoteRef: action.accountId };
    case 'status.delete':
      await client.call('notes/delete', { noteId: safeId(action.statusId) });
      return { ok: true, remoteRef: action.statusId };
    case 'media.purge': {
      // Deriving a host from `urls` would purge a whole host when one file was meant, so a host is required.
      if (!action.host) {
        throw new AppError('bad_request', 'Misskey media.purge needs a host', {
          userMessage: 'Misskey purges cached media per remote host only. Choose a host.',
        });
      }
      const host = checkHost(action.host);
      await client.call('admin/federation/delete-all-files', { host });
      return { ok: true, remoteRef: host };
    }
    default:
      throw unsupported(action.kind);
  }
}

function unsupported(what: string): AppError {
  return new AppError('unsupported', `Misskey connector cannot perform ${what}`);
}

function checkHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (!h || h.length > 253 || /[\s/?#@]/.test(h)) {
    throw new AppError('bad_request', 'Invalid host for a media purge', { userMessage: 'That is not a valid host name.' });
  }
  return h;
}
