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
import { resolveAuditRefs } from './audit-refs';
import { assertDateRange } from './assert-date-range';

export async function queryAudit({ ctx, input }: { ctx: Ctx; input: AuditQueryInput }): Promise<AuditPage> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.read');
  const q = auditQuerySchema.parse(input);
  assertDateRange(q);
  const and = auditWhere(q);
  if (q.cursor) and.push({ seq: { lt: BigInt(q.cursor) } });
  const rows = await db.auditEvent.findMany({ where: { AND: and }, orderBy: { seq: 'desc' }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const [names, refs] = await Promise.all([loadInstanceNames(page), resolveAuditRefs(page)]);
  const last = page[page.length - 1];
  return {
    items: page.map((r, i) => ({ ...toAuditItem(r, names), ...refs[i] })),
    nextCursor: rows.length > q.limit && last ? last.seq.toString() : null,
  };
}
