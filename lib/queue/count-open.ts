/**
 * Open reports per visible instance: one GROUP BY over the (instanceId, status, …) index, plus the instance
 * names. Instances with nothing open are listed with 0 so the sidebar does not jump around.
 */
import { db } from '@/lib/db';
import type { InstanceCount } from './types';

export async function countOpenByInstance(visible: string[] | null): Promise<InstanceCount[]> {
  const scope = visible ? { instanceId: { in: visible } } : {};
  const [groups, instances] = await Promise.all([
    db.report.groupBy({ by: ['instanceId'], where: { status: 'open', ...scope }, _count: { _all: true } }),
    db.instance.findMany({ where: visible ? { id: { in: visible } } : {}, select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } }),
  ]);
  const open = new Map(groups.map((g) => [g.instanceId, g._count._all]));
  return instances.map((i) => ({ instanceId: i.id, name: i.name, kind: i.kind, open: open.get(i.id) ?? 0 }));
}
