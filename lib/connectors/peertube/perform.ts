/** Maps each ConnectorAction to its PeerTube endpoint (instance-apis.md §6). */
import { AppError } from '../../errors';
import { safeId } from '../mastodon/parse-remote';
import type { ActionKind, ActionResult, ConnectorAction } from '../types';
import { peertubeCapabilities } from './capabilities';
import type { PeerTubeClient } from './client';
import { ABUSES } from './list-reports';
import { ABUSE_STATE } from './mapper';

const BLOCKLIST = '/api/v1/server/blocklist';

export async function performPeerTube(client: PeerTubeClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve': {
      const id = safeId(action.reportId);
      const moderationComment = action.comment?.trim() || undefined;
      await client.request('PUT', `${ABUSES}/${id}`, { json: { state: ABUSE_STATE.accepted, moderationComment } });
      return { ok: true, remoteRef: id };
    }
    case 'report.reopen': {
      const id = safeId(action.reportId);
      await client.request('PUT', `${ABUSES}/${id}`, { json: { state: ABUSE_STATE.pending } });
      return { ok: true, remoteRef: id };
    }
    case 'status.delete':
      await client.request('DELETE', contentPath(action.statusId));
      return { ok: true, remoteRef: action.statusId };
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
    default:
      throw unsupported(action.kind, action.kind);
  }
}

/** Content ids come from mapper.ts: "video-<id>" or "comment-<videoId>-<commentId>". */
function contentPath(statusId: string): string {
  const video = /^video-([A-Za-z0-9_]{1,64})$/.exec(statusId);
  if (video) return `/api/v1/videos/${video[1]}`;
  const comment = /^comment-([A-Za-z0-9_]{1,64})-(\d{1,20})$/.exec(statusId);
  if (comment) return `/api/v1/videos/${comment[1]}/comments/${comment[2]}`;
  throw new AppError('bad_request', 'Invalid PeerTube content id', { userMessage: 'That video or comment id is not valid.' });
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
