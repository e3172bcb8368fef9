/**
 * Whether a server kind can reopen a resolved report: if not, a resolve from the queue asks first. Read from the
 * connectors' declared capabilities (lib/connectors/capabilities-for.ts is safe in the browser).
 */
import { capabilitiesFor } from '@/lib/connectors/capabilities-for';

/** Unknown kinds count as "cannot" (they have no actions): asking once too often is cheaper than an irreversible surprise. */
export function canReopen(kind: string): boolean {
  return capabilitiesFor(kind).actions.includes('report.reopen');
}
