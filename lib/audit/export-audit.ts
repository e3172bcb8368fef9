/**
 * Exports the filtered audit log as CSV or a JSON array (an array rather than NDJSON: spreadsheet-minded
 * admins and most tools open one JSON document; a truncated download is then also visibly invalid).
 *
 * Authorization and the `audit.exported` event happen before the first byte, not lazily while streaming:
 * once a streamed response has started its status can no longer become 403, and the export must be on
 * record (fail-closed) before any row leaves. The event's seq also bounds the export to a fixed snapshot.
 */
import { db } from '@/lib/db';
import type { Ctx } from './actor';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';
import { auditExportSchema, describeFilters, type AuditExportInput, type AuditFilters } from './audit-filters';
import { auditExportPages } from './export-pages';
import { csvHeaderLine, csvRowLine, jsonRow } from './export-format';
import { recordEvent } from './record-event';
import { assertDateRange } from './assert-date-range';

export type AuditExportFormat = 'csv' | 'json';

export interface AuditExport extends AsyncIterable<string> {
  format: AuditExportFormat;
  contentType: string;
  filename: string;
  /** The export's own `audit.exported` event; the file holds matching rows before it. */
  exportSeq: string;
}

export async function exportAudit({ ctx, input }: { ctx: Ctx; input: AuditExportInput }): Promise<AuditExport> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.export');
  const { format, ...rest } = auditExportSchema.parse(input);
  const filters: AuditFilters = rest;
  assertDateRange(filters); // before the export is recorded: a refused export is not an export
  const { seq } = await db.$transaction((tx) =>
    recordEvent(tx, { actor: ctx.actor, action: 'audit.exported', targetType: 'audit_log', details: { format, filters: describeFilters(filters) } }),
  );
  const day = new Date().toISOString().slice(0, 10);
  return {
    format,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
    filename: `fedimod-audit-${day}.${format}`,
    exportSeq: seq.toString(),
    [Symbol.asyncIterator]: () => (format === 'csv' ? csvChunks(filters, seq) : jsonChunks(filters, seq)),
  };
}

// One chunk per page of rows: few enough chunks to be cheap, small enough to keep memory flat.
async function* csvChunks(filters: AuditFilters, before: bigint): AsyncGenerator<string> {
  yield csvHeaderLine();
  for await (const rows of auditExportPages(filters, before)) yield rows.map(csvRowLine).join('');
}

async function* jsonChunks(filters: AuditFilters, before: bigint): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const rows of auditExportPages(filters, before)) {
    yield rows.map((r) => { const sep = first ? '\n' : ',\n'; first = false; return sep + jsonRow(r); }).join('');
  }
  yield '\n]\n';
}
