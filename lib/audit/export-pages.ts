/**
 * Reads the rows of an export one keyset page at a time, oldest first, so a large log never sits in memory
 * and an unfiltered export reads as a chain (each row's prev_hash is the hash of the row above it).
 * `before` is the export's own seq: rows appended while the file streams are not in it.
 */
import { db } from '@/lib/db';
import type { AuditFilters } from './audit-filters';
import { loadInstanceNames, toExportRow, type AuditExportRow } from './audit-item';
import { auditWhere } from './audit-where';

export const EXPORT_PAGE_SIZE = 2000;

export async function* auditExportPages(filters: AuditFilters, before: bigint, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<AuditExportRow[]> {
  const names = new Map<string, string>();
  let after = BigInt(0);
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { AND: [...auditWhere(filters), { seq: { gt: after, lt: before } }] },
      orderBy: { seq: 'asc' },
      take: pageSize,
    });
    if (rows.length === 0) return;
    await loadInstanceNames(rows, names);
    yield rows.map((r) => toExportRow(r, names));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}
