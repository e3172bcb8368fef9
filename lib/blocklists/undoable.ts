/**
 * Which application "undo" would reverse: the latest one that is not itself an undo, provided it is not undone
 * yet and every change of it has finished (an undo racing queued changes could restore a state that never was).
 */
import { db } from '@/lib/db';

export async function latestUndoable(): Promise<{ id: string } | null> {
  const latest = await db.blocklistApplication.findFirst({ where: { kind: { not: 'undo' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, undoneAt: true } });
  if (!latest || latest.undoneAt) return null;
  const queued = await db.blocklistChange.count({ where: { applicationId: latest.id, state: 'queued' } });
  const done = await db.blocklistChange.count({ where: { applicationId: latest.id, state: 'done' } });
  return queued === 0 && done > 0 ? { id: latest.id } : null;
}
