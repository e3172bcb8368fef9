/**
 * getAccount on Akkoma, by nickname (the RemoteAccount.remoteId this connector uses). Not GET /admin/users/:nickname:
 * User.get_cached_by_nickname_or_id falls back to get_or_fetch_by_nickname, which resolves an unknown REMOTE nickname
 * by WebFinger, and an account the purge just deleted is exactly such a nickname (Akkoma deletes a remote user's row).
 * Instead the admin users list (AdminAPI.Search → User.Query, an ILIKE on the users table, never a fetch) is searched
 * and only the exact nickname kept; no match → null. Akkoma has no suspension: `disabled` carries deactivation.
 */
import type { RemoteAccount } from '../types';
import { adminUserListSchema, akkomaAccountSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { mapAccount } from './mapper';
import { parseRemote, safeNickname } from './parse';

export async function getAkkomaAccount(client: AkkomaClient, remoteId: string): Promise<RemoteAccount | null> {
  const nickname = safeNickname(remoteId);
  const filters = nickname.includes('@') ? 'external' : 'local';
  const data = await client.request('GET', `${ADMIN}/users`, { query: { query: nickname, filters, page: 1, page_size: 50 } });
  const list = parseRemote(adminUserListSchema, data, 'user list');
  for (const raw of list.users) {
    const user = akkomaAccountSchema.safeParse(raw);
    if (user.success && (user.data.nickname ?? '').toLowerCase() === nickname.toLowerCase()) return mapAccount(user.data);
  }
  return null;
}
