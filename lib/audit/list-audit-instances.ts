import { db } from '@/lib/db';
import type { Ctx } from './actor';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';

export interface AuditInstanceOption {
  id: string;
  name: string;
}

/** Instances for the filter select: ids and names only, never the sealed token or webhook secret. */
export async function listAuditInstances({ ctx }: { ctx: Ctx }): Promise<AuditInstanceOption[]> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.read');
  return db.instance.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
