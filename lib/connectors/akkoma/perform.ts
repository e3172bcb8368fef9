/** Maps each ConnectorAction to its Akkoma admin endpoint (instance-apis.md §5). */
import { AppError } from '../../errors';
import type { AccountActionType, AccountUndoType, ActionResult, ConnectorAction } from '../types';
import { statusSchema } from './api-types';
import { akkomaCapabilities } from './capabilities';
import { ADMIN, type AkkomaClient } from './client';
import { TAG_FORCE_NSFW, TAG_FORCE_UNLISTED } from './mapper';
import { parseRemote, safeId, safeNickname } from './parse';

export async function performAkkoma(client: AkkomaClient, action: ConnectorAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'report.resolve': {
      const id = safeId(action.reportId);
      // The note goes first: if resolving then fails the report stays open and a retry fixes it, whereas
      // a resolved report whose note failed would lose the reason.
      if (action.comment?.trim()) await client.request('POST', `${ADMIN}/reports/${id}/notes`, { json: { content: action.comment } });
      await setReportState(client, id, 'resolved');
      return { ok: true, remoteRef: id };
    }
    case 'report.reopen':
      await setReportState(client, safeId(action.reportId), 'open');
      return { ok: true, remoteRef: action.reportId };
    case 'status.delete':
      await client.request('DELETE', `${ADMIN}/statuses/${safeId(action.statusId)}`);
      return { ok: true, remoteRef: action.statusId };
    case 'status.sensitive': {
      const data = await client.request('PUT', `${ADMIN}/statuses/${safeId(action.statusId)}`, { json: { sensitive: action.sensitive } });
      return { ok: true, remoteRef: parseRemote(statusSchema, data, 'status').id };
    }
    case 'account.action':
      return accountAction(client, safeNickname(action.accountId), action.type);
    case 'account.undo':
      return accountUndo(client, safeNickname(action.accountId), action.type);
    case 'media.purge': {
      const urls = (action.urls ?? []).filter((u) => /^https?:\/\//i.test(u));
      if (urls.length === 0) {
        throw new AppError('unsupported', 'Akkoma media.purge needs URLs', {
          userMessage: 'Akkoma purges media by URL only: give the media URLs to purge.',
        });
      }
      await client.request('POST', `${ADMIN}/media_proxy_caches/purge`, { json: { urls, ban: true } });
      return { ok: true, remoteRef: null };
    }
    default:
      throw unsupported(action.kind);
  }
}

function setReportState(client: AkkomaClient, id: string, state: 'open' | 'resolved') {
  return client.request('PATCH', `${ADMIN}/reports`, { json: { reports: [{ id, state }] } });
}

const ACTION_TAGS: Partial<Record<AccountActionType, string>> = { sensitive: TAG_FORCE_NSFW, silence: TAG_FORCE_UNLISTED };
const UNDO_TAGS: Partial<Record<AccountUndoType, string>> = { unsensitive: TAG_FORCE_NSFW, unsilence: TAG_FORCE_UNLISTED };

async function accountAction(client: AkkomaClient, nickname: string, type: AccountActionType): Promise<ActionResult> {
  const nicknames = [nickname];
  if (type === 'disable') await client.request('PATCH', `${ADMIN}/users/deactivate`, { json: { nicknames } });
  else if (ACTION_TAGS[type]) await client.request('PUT', `${ADMIN}/users/tag`, { json: { nicknames, tags: [ACTION_TAGS[type]] } });
  else throw unsupported(`account.action ${type}`);
  return { ok: true, remoteRef: nickname };
}

async function accountUndo(client: AkkomaClient, nickname: string, type: AccountUndoType): Promise<ActionResult> {
  const nicknames = [nickname];
  if (type === 'enable') await client.request('PATCH', `${ADMIN}/users/activate`, { json: { nicknames } });
  else if (UNDO_TAGS[type]) await client.request('DELETE', `${ADMIN}/users/tag`, { json: { nicknames, tags: [UNDO_TAGS[type]] } });
  else throw unsupported(`account.undo ${type}`);
  return { ok: true, remoteRef: nickname };
}

function unsupported(what: string): AppError {
  const kind = what.split(' ')[0] as keyof typeof akkomaCapabilities.notes;
  const note = what.includes('suspend')
    ? "Akkoma has no suspend; deactivate the account or delete it in Akkoma's admin."
    : akkomaCapabilities.notes[kind];
  return new AppError('unsupported', `Akkoma connector cannot perform ${what}`, {
    userMessage: note ?? 'This server does not support that action.',
  });
}
