import { AppError } from '@/lib/errors';
import type { AuditFilters } from './audit-filters';

/**
 * A range that runs backwards matches nothing, and an empty list would read as "nothing happened then", which in
 * an audit log is a claim. Refused with a clear message instead (the page checks first; this covers hand-made
 * links, scripts and exports).
 */
export function assertDateRange(f: Pick<AuditFilters, 'from' | 'to'>): void {
  if (f.from && f.to && f.from.getTime() > f.to.getTime()) {
    throw new AppError('bad_request', 'audit range: from after to', {
      userMessage: `The "From" date (${f.from.toISOString().slice(0, 10)}) is after the "To" date (${f.to.toISOString().slice(0, 10)}): swap them or pick a later "To".`,
    });
  }
}
