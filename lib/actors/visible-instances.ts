import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';

/** Every connected instance the actor may see, in a stable order (by name). Other instances are never listed. */
export async function visibleInstances(actor: Actor) {
  const ids = visibleInstanceIds(actor);
  return db.instance.findMany({
    where: ids === null ? {} : { id: { in: ids } },
    select: { id: true, name: true, kind: true, domain: true, status: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

export type VisibleInstance = Awaited<ReturnType<typeof visibleInstances>>[number];
