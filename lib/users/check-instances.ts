import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Instance limits must name real instances; returns the ids de-duplicated. */
export async function checkInstanceIds(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await tx.instance.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError('bad_request', 'unknown instance id in limits', { userMessage: 'One of the chosen instances no longer exists.' });
  return unique;
}
