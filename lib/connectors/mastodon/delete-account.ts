/**
 * account.delete on Mastodon: DELETE /api/v1/admin/accounts/:id ("delete user data"). Checked in mastodon/mastodon:
 * - Api::V1::Admin::AccountsController#destroy authorizes AccountPolicy#destroy?, which is
 *   `record.suspended_temporarily? && role.can?(:delete_user_data)`: the account must be suspended AND still carry
 *   its AccountDeletionRequest (created by the suspension, destroyed once the data is deleted), and the token's role
 *   needs Delete User Data (UserRole bit 1 << 19, or Administrator). Otherwise 403 {"error":"This action is not
 *   allowed"}, also for a second delete of the same account.
 * - On success it only enqueues Admin::AccountDeletionWorker (DeleteAccountService, reserve_username: true) and
 *   answers 200 with an empty body ({}; the docs' Admin::Account example is not what the controller renders).
 *   The worker removes the account's statuses and media files, except statuses named in still-unresolved reports
 *   against it; a suspension through /action resolves those reports first.
 * A 403 is told apart by reading the account and the token's role: not suspended → "suspend first"; suspended and the
 * role may delete → the data was already deleted (a resend after a lost answer), which is the outcome wanted: done.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import type { ActionResult } from '../types';
import { credentialAccountSchema } from './api-types';
import type { MastodonClient } from './client';
import { getAccountMastodon } from './get-account';
import { safeId } from './parse-remote';

export const ALREADY_DELETED = 'already deleted';
const MAY_DELETE = (1n << 0n) | (1n << 19n); // Administrator or Delete User Data

export async function deleteAccountMastodon(client: MastodonClient, accountId: string): Promise<ActionResult> {
  const id = safeId(accountId);
  try {
    await client.request('DELETE', `/api/v1/admin/accounts/${id}`);
  } catch (e) {
    if (isAppError(e) && e.details?.status === 403) return explainRefusal(client, id, e);
    throw e;
  }
  return { ok: true, remoteRef: id };
}

async function explainRefusal(client: MastodonClient, id: string, cause: AppError): Promise<ActionResult> {
  const account = await getAccountMastodon(client, id).catch(() => undefined);
  if (account?.suspended === true && (await roleMayDelete(client))) return { ok: true, remoteRef: ALREADY_DELETED };
  const notSuspended = account?.suspended === false;
  throw new AppError('forbidden', cause.message, {
    details: { ...cause.details, suspended: account?.suspended ?? null },
    cause,
    userMessage: notSuspended
      ? 'Mastodon deletes the data only of a suspended account: suspend the account first, then delete its data.'
      : 'Mastodon refused to delete this account\'s data: the token\'s role needs the "Delete User Data" permission.',
  });
}

async function roleMayDelete(client: MastodonClient): Promise<boolean> {
  try {
    const me = credentialAccountSchema.parse((await client.get('/api/v1/accounts/verify_credentials')).data);
    const bits = z.string().regex(/^\d{1,20}$/).safeParse(String(me.role?.permissions ?? ''));
    return bits.success && (BigInt(bits.data) & MAY_DELETE) !== 0n;
  } catch {
    return false;
  }
}
