/** Account actions, all addressed by nickname (the RemoteAccount.remoteId our mapper produced). */
import { AppError, isAppError } from '../../errors';
import type { AccountActionType, AccountUndoType, ActionResult } from '../types';
import { deletedNicknamesSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { TAG_FORCE_NSFW, TAG_FORCE_UNLISTED } from './mapper';
import { unsupported } from './unsupported';

const ACTION_TAGS: Partial<Record<AccountActionType, string>> = { sensitive: TAG_FORCE_NSFW, silence: TAG_FORCE_UNLISTED };
const UNDO_TAGS: Partial<Record<AccountUndoType, string>> = { unsensitive: TAG_FORCE_NSFW, unsilence: TAG_FORCE_UNLISTED };

export async function accountAction(client: AkkomaClient, nickname: string, type: AccountActionType): Promise<ActionResult> {
  const nicknames = [nickname];
  if (type === 'disable') await client.request('PATCH', `${ADMIN}/users/deactivate`, { json: { nicknames } });
  else if (ACTION_TAGS[type]) await client.request('PUT', `${ADMIN}/users/tag`, { json: { nicknames, tags: [ACTION_TAGS[type]] } });
  else throw unsupported(`account.action ${type}`);
  return { ok: true, remoteRef: nickname };
}

export async function accountUndo(client: AkkomaClient, nickname: string, type: AccountUndoType): Promise<ActionResult> {
  const nicknames = [nickname];
  if (type === 'enable') await client.request('PATCH', `${ADMIN}/users/activate`, { json: { nicknames } });
  else if (UNDO_TAGS[type]) await client.request('DELETE', `${ADMIN}/users/tag`, { json: { nicknames, tags: [UNDO_TAGS[type]] } });
  else throw unsupported(`account.undo ${type}`);
  return { ok: true, remoteRef: nickname };
}

/**
 * DELETE /users {nicknames}: Akkoma purges the user and deletes its posts in a background job. There is no
 * field for a reason, so the moderator's reason stays in this dashboard's audit log.
 */
export async function accountDelete(client: AkkomaClient, nickname: string): Promise<ActionResult> {
  let data: unknown;
  try {
    data = await client.request('DELETE', `${ADMIN}/users`, { json: { nicknames: [nickname] } });
  } catch (e) {
    throw explainDeleteFailure(e);
  }
  // Akkoma echoes the nicknames. The 2xx is what says the deletion happened: an unexpected echo must not turn a
  // permanent deletion into a reported failure, so the parse only checks whether our nickname came back.
  const echoed = deletedNicknamesSchema.safeParse(data);
  return { ok: true, remoteRef: echoed.success && echoed.data.includes(nickname) ? nickname : null };
}

/**
 * Akkoma does not check the nicknames it is given: an unknown one crashes the request with a bare 500
 * ("Internal server error"). Say what that most likely means instead of a generic server error.
 */
function explainDeleteFailure(e: unknown): unknown {
  if (!isAppError(e) || e.code !== 'remote_error' || e.details?.status !== 500) return e;
  return new AppError('remote_error', e.message, {
    details: e.details,
    cause: e,
    userMessage:
      'Akkoma failed with a server error, which it does when it has no account with that nickname. ' +
      'Check that the account still exists on the instance.',
  });
}
