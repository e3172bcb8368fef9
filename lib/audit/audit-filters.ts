/**
 * The audit log's filters, parsed the same way for the page's API, the export and direct verb calls.
 * Dates arrive as Date (verbs), as ISO instants (the page turns the browser's local days into instants,
 * since only the browser knows its time zone) or as plain YYYY-MM-DD (hand-written links: whole UTC days).
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;
const MAX_SEQ = BigInt('9223372036854775807');

/** `to` is inclusive, so a plain date there means "through the end of that day". */
function instant(endOfDay: boolean) {
  return z.union([
    z.date(),
    z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    z.iso.date().transform((s) => new Date(Date.parse(`${s}T00:00:00.000Z`) + (endOfDay ? DAY_MS - 1 : 0))),
  ]);
}

export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(200).optional(),
  instanceId: z.uuid().optional(),
  from: instant(false).optional(),
  to: instant(true).optional(),
});

// A seq past Postgres' bigint range would surface as a database error (500) instead of a bad request.
const seqCursor = z.string().regex(/^\d{1,19}$/).refine((s) => BigInt(s) <= MAX_SEQ, 'cursor out of range');

export const auditQuerySchema = auditFiltersSchema.extend({
  cursor: seqCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditExportSchema = auditFiltersSchema.extend({
  format: z.enum(['csv', 'json']),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export type AuditQueryInput = z.input<typeof auditQuerySchema>;
export type AuditExportInput = z.input<typeof auditExportSchema>;

/** Query string → plain record; empty values count as absent so a cleared filter field is no filter. */
export function paramsToRecord(sp: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of sp.entries()) if (v !== '' && !(k in out)) out[k] = v;
  return out;
}

/** The filters as written into `audit.exported` details: JSON-safe and without empty keys. */
export function describeFilters(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.actor) out.actor = f.actor;
  if (f.action) out.action = f.action;
  if (f.instanceId) out.instanceId = f.instanceId;
  if (f.from) out.from = f.from.toISOString();
  if (f.to) out.to = f.to.toISOString();
  return out;
}
