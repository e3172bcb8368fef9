import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from './audit-filters';

/**
 * Prisma passes contains/startsWith text into LIKE unescaped, so '_' or '%' typed into a filter would act as
 * wildcards (and 'a_b' would match 'axb'). Backslash is Postgres' default LIKE escape character.
 */
function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Filter conditions shared by the page and the export, so both always select the same rows. */
export function auditWhere(f: AuditFilters): Prisma.AuditEventWhereInput[] {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actorLabel: { contains: likeLiteral(f.actor), mode: 'insensitive' } });
  // Prefix, so 'report.' finds every report event and a full name still matches itself.
  if (f.action) and.push({ action: { startsWith: likeLiteral(f.action) } });
  if (f.instanceId) and.push({ instanceId: f.instanceId });
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lte: f.to } });
  return and;
}
