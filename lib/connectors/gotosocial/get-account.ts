/**
 * getAccount on GoToSocial: GET /api/v1/admin/accounts/:id (admin:read:accounts; the Mastodon Admin::Account
 * shape). 404 → null. A suspended account stays readable: GoToSocial deletes its posts and media and keeps a
 * "stubbified" row with suspended_at set (internal/processing/account/delete.go, stubbifyAccount).
 */
import { isAppError } from '../../errors';
import type { RemoteAccount } from '../types';
import { adminAccountSchema } from './api-types';
import type { GoToSocialClient } from './client';
import { tidyAccount } from './mapper';
import { mapAdminAccount } from '../mastodon/mapper';
import { parseRemote, safeId } from './parse-remote';

export async function getAccountGoToSocial(client: GoToSocialClient, remoteId: string): Promise<RemoteAccount | null> {
  try {
    const res = await client.get(`/api/v1/admin/accounts/${safeId(remoteId)}`);
    return tidyAccount(mapAdminAccount(parseRemote(adminAccountSchema, res.data, 'admin account')));
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}
