import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** A friendly conflict before the unique index would throw a raw database error. */
export async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('conflict', 'email already has an account', { userMessage: 'Someone with that email already has an account.' });
  }
}
