/**
 * getAccount on Mastodon: GET /api/v1/admin/accounts/:id (admin:read:accounts, Manage Users). 404 → null.
 * Mastodon keeps the account row after DELETE /api/v1/admin/accounts/:id (Admin::AccountDeletionWorker runs
 * DeleteAccountService with reserve_username: true), so a deleted account reads back as suspended, not as null:
 * "deleted" shows as suspended with its posts gone.
 */
import { isAppError } from '../../errors';
import type { RemoteAccount } from '../types';
import { adminAccountSchema } from './api-types';
import type { MastodonClient } from './client';
import { mapAdminAccount } from './mapper';
import { parseRemote, safeId } from './parse-remote';

export async function getAccountMastodon(client: MastodonClient, remoteId: string): Promise<RemoteAccount | null> {
  try {
    const res = await client.get(`/api/v1/admin/accounts/${safeId(remoteId)}`);
    return mapAdminAccount(parseRemote(adminAccountSchema, res.data, 'Admin::Account'));
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}
