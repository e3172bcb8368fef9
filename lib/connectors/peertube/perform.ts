/** Maps each ConnectorAction to its PeerTube endpoint (instance-apis.md §6). */
import { AppError } from '../../errors';
import type { ActionKind, ActionResult, ConnectorAction } from '../types';
import { updateAbuse } from './abuse-update';
import { peertubeCapabilities } from './capabilities';
import type { PeerTubeClient } from './client';
import { parseContentId } from './content-id';
import { createPeerTubeReport } from './create-report';
import { ABUSE_STATE } from './mapper';
import { blockVideo } from './video-block';
import { reconcileServerBlocksPeerTube } from './server-blocks';

const BLOCKLIST = '/api/v1/server/blocklist';

export async function performPeerTube(client: PeerTubeClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve':
      return updateAbuse(client, action.reportId, { state: ABUSE_STATE.accepted, text: action.comment });
    case 'report.reject':
      return updateAbuse(client, action.reportId, { state: ABUSE_STATE.rejected, text: action.comment });
    case 'report.note':
      return updateAbuse(client, action.reportId, { text: action.text });
    case 'report.reopen':
      return updateAbuse(client, action.reportId, { state: ABUSE_STATE.pending });
    case 'report.create':
      return createPeerTubeReport(client, action);
    case 'status.delete':
      await client.request('DELETE', contentPath(action.statusId));
      return { ok: true, remoteRef: action.statusId };
    case 'status.block':
      return blockVideo(client, action);
    case 'account.action': {
      if (action.type !== 'suspend') throw unsupported(action.kind, `account.action ${action.type}`);
      const accountName = accountNameOf(action.accountId);
      await client.request('POST', `${BLOCKLIST}/accounts`, { json: { accountName } });
      return { ok: true, remoteRef: accountName };
    }
    case 'account.undo': {
      if (action.type !== 'unsuspend') throw unsupported(action.kind, `account.undo ${action.type}`);
      const accountName = accountNameOf(action.accountId);
      await client.request('DELETE', `${BLOCKLIST}/accounts/${encodeURIComponent(accountName)}`);
      return { ok: true, remoteRef: accountName };
    }
    case 'domain.block': {
      const host = hostOf(action.domain);
      await client.request('POST', `${BLOCKLIST}/servers`, { json: { host } });
      return { ok: true, remoteRef: host };
    }
    case 'domain.blocks_reconcile':
      return reconcileServerBlocksPeerTube(client, action.changes);
    default:
      throw unsupported(action.kind, action.kind);
  }
}

function contentPath(statusId: string): string {
  const c = parseContentId(statusId);
  return c.kind === 'video' ? `/api/v1/videos/${c.videoId}` : `/api/v1/videos/${c.videoId}/comments/${c.commentId}`;
}

/**
 * The server block list takes account names ("name" or "name@host"), not numeric ids, and PeerTube has no
 * lookup by numeric id, so the caller passes the account's acct.
 */
function accountNameOf(accountId: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.:-]{1,253})?$/.test(accountId) || /^\d+$/.test(accountId)) {
    throw new AppError('bad_request', 'PeerTube account actions need an account name', {
      userMessage: 'PeerTube addresses accounts by name: use the account handle (name@host).',
    });
  }
  return accountId;
}

function hostOf(domain: string): string {
  const host = domain.trim().toLowerCase();
  if (!/^[a-z0-9.-]{1,253}(:\d{1,5})?$/.test(host)) {
    throw new AppError('bad_request', 'Invalid domain', { userMessage: 'That domain is not valid.' });
  }
  return host;
}

function unsupported(kind: ActionKind, what: string): AppError {
  const note = what.startsWith('account.') ? 'On PeerTube only suspend (a server-wide account block) and unsuspend are offered.' : peertubeCapabilities.notes[kind];
  return new AppError('unsupported', `PeerTube connector cannot perform ${what}`, {
    userMessage: note ?? 'This server does not support that action.',
  });
}
