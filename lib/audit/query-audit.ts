/**
 * One page of the audit log, newest first. Keyset on seq (the primary key, strictly increasing) instead of
 * offsets, so events appended while an admin pages through never shift rows into or out of view.
 */
import { db } from '@/lib/db';
import type { Ctx } from './actor';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';
import { auditQuerySchema, type AuditQueryInput } from './audit-filters';
import { loadInstanceNames, toAuditItem, type AuditPage } from './audit-item';
import { auditWhere } from './audit-where';

export async function queryAudit({ ctx, input }: { ctx: Ctx; input: AuditQueryInput }): Promise<AuditPage> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.read');
  const q = auditQuerySchema.parse(input);
  const and = auditWhere(q);
  if (q.cursor) and.push({ seq: { lt: BigInt(q.cursor) } });
  const rows = await db.auditEvent.findMany({ where: { AND: and }, orderBy: { seq: 'desc' }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const names = await loadInstanceNames(page);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toAuditItem(r, names)),
    nextCursor: rows.length > q.limit && last ? last.seq.toString() : null,
  };
}
