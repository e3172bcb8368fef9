import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * A friendly conflict before the unique index would throw a raw database error. The message names the email so an
 * admin inviting from a list can tell which line was the duplicate.
 */
export async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('conflict', 'email already has an account', { userMessage: `${email} already has an account: change their role on the Users page instead.` });
  }
}
