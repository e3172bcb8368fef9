import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { instanceFilter, isoOf } from './sql';
import type { InstanceBacklog } from './types';

/** Open reports and the oldest open one per visible instance, whatever the period: a backlog is a backlog. */
export async function backlogPerInstance(ids: string[] | null): Promise<InstanceBacklog[]> {
  return db.$queryRaw<InstanceBacklog[]>`
    select i.id::text as "instanceId", i.name, i.kind, count(r.id)::int as open,
           ${isoOf(Prisma.sql`min(r."remoteCreatedAt")`)} as "oldestOpenAt"
    from "Instance" i
    left join "Report" r on r."instanceId" = i.id and r.status = 'open'
    where true ${instanceFilter(Prisma.sql`i.id`, ids)}
    group by i.id
    order by count(r.id) desc, i.name`;
}
