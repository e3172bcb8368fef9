/**
 * getAccount on Misskey: one user by id, as the instance's database has it now. Both calls read the database only:
 * users/show with a userId is a findOneBy on the id (only username + host goes through RemoteUserResolveService,
 * which fetches), and admin/show-user reads the user and its profile (misskey-dev/misskey
 * packages/backend/src/server/api/endpoints/users/show.ts, admin/show-user.ts).
 * - users/show gives the identity (admin/show-user's answer has no username or host); a moderator sees suspended
 *   users there too. NO_SUCH_USER → null: deleted for good (admin/delete-account's job removes the row).
 * - admin/show-user gives isSuspended. It throws a plain Error('user not found') for a missing user, which
 *   Misskey answers 500 INTERNAL_ERROR (cause in info.e.message): a user deleted between the two calls is null too.
 */
import { z } from 'zod';
import { isAppError } from '../../errors';
import type { RemoteAccount } from '../types';
import { userSchema } from './api-types';
import type { MisskeyClient } from './client';
import { mapUser } from './mapper';
import { parseRemote, safeId } from './parse-remote';

const adminUserSchema = z.object({ isSuspended: z.boolean(), isSilenced: z.boolean().nullish() });

export async function getMisskeyAccount(client: MisskeyClient, remoteId: string): Promise<RemoteAccount | null> {
  const userId = safeId(remoteId);
  try {
    const user = parseRemote(userSchema, await client.call('users/show', { userId }, { read: true }), 'user');
    if (user.id !== userId) return null;
    // Not marked a read: a 500 here is usually "user not found", which retrying would only repeat.
    const admin = parseRemote(adminUserSchema, await client.call('admin/show-user', { userId }), 'admin user');
    return { ...mapUser(user, client.baseUrl), suspended: admin.isSuspended, silenced: admin.isSilenced ?? undefined };
  } catch (e) {
    if (isGone(e)) return null;
    throw e;
  }
}

function isGone(e: unknown): boolean {
  if (!isAppError(e)) return false;
  return e.details?.code === 'NO_SUCH_USER' || (e.details?.code === 'INTERNAL_ERROR' && e.details?.cause === 'user not found');
}
