import { db } from '@/lib/db';
import type { Ctx } from './actor';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';

/**
 * Distinct action names for the filter's suggestions. groupBy runs as SQL GROUP BY; Prisma's `distinct`
 * would read every row into memory first. The cap only guards the page against a runaway set of names.
 */
export async function listAuditActions({ ctx }: { ctx: Ctx }): Promise<string[]> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.read');
  const groups = await db.auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' }, take: 500 });
  return groups.map((g) => g.action);
}
