import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** A friendly conflict before the unique index would throw a raw database error. */
export async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const other = await tx.hashBank.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', 'bank name taken', { userMessage: 'A bank with that name already exists.' });
  }
}
