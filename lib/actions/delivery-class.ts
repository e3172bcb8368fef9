/**
 * Pure: what the outbox may do with an action whose earlier attempt may have reached the server (a worker died
 * mid-call, or the server answered 5xx / the connection broke after the request left).
 * - idempotent: sending it again leaves the server as one send would (assign, set a value, purge caches).
 * - checkable: read the report first (connector.getReport) and skip the send when the change is already there.
 * - unverifiable: no read shows whether it landed and a second send could do it twice (a warning strike, a
 *   duplicate report) or fail confusingly (deleting what is gone): a human checks the server and retries.
 */
import type { ActionKind, ConnectorAction, RemoteReport } from '@/lib/connectors/types';

export type DeliveryClass = 'idempotent' | 'checkable' | 'unverifiable';

export const DELIVERY_CLASS: Record<ActionKind, DeliveryClass> = {
  'report.assign_to_self': 'idempotent',
  'report.unassign': 'idempotent',
  'report.set_category': 'idempotent',
  'status.sensitive': 'idempotent',
  'status.visibility': 'idempotent',
  'media.purge': 'idempotent',
  // Reads the server's block list and sends only what differs (types.ts): a second send converges.
  'domain.blocks_reconcile': 'idempotent',
  'report.resolve': 'checkable',
  'report.reject': 'checkable',
  'report.reopen': 'checkable',
  'report.forward': 'checkable',
  'report.note': 'checkable',
  'account.action': 'checkable',
  'account.undo': 'checkable',
  // Read back from the server's block list where the kind has one (check-domain-block.ts), else a human decides.
  'domain.block': 'checkable',
  'account.delete': 'unverifiable',
  'status.delete': 'unverifiable',
  'status.purge': 'unverifiable',
  'status.block': 'unverifiable',
  'media.delete': 'unverifiable',
  // A second send opens a second report on the server (and forwards it again): never re-sent without a person.
  'report.create': 'unverifiable',
};

export const UNCERTAIN_TEXT = 'This action may or may not have reached the server; check on the server, then retry.';

export type RemoteCheck = 'applied' | 'not_applied' | 'unknown';

const ACCOUNT_FLAG = { sensitive: 'sensitized', disable: 'disabled', silence: 'silenced', suspend: 'suspended' } as const;
const UNDO_FLAG = { unsensitive: 'sensitized', enable: 'disabled', unsilence: 'silenced', unsuspend: 'suspended' } as const;

/**
 * Pure: does this freshly read report already show the action's effect? 'unknown' where the report cannot say
 * (a flag the payload does not carry is undefined, contract I1; a warning leaves no flag; a server without notes).
 */
export function appliedInReport(a: ConnectorAction, r: RemoteReport): RemoteCheck {
  const yes = (b: boolean | undefined): RemoteCheck => (b === undefined ? 'unknown' : b ? 'applied' : 'not_applied');
  switch (a.kind) {
    case 'report.resolve':
    case 'report.reject':
      return yes(r.resolved);
    case 'report.reopen':
      return yes(!r.resolved);
    case 'report.forward':
      return r.forwarded ? 'applied' : 'not_applied';
    case 'report.note':
      if (!r.notes) return 'unknown';
      return yes(r.notes.some((n) => n.text.includes(a.text.trim())));
    case 'account.action':
      if (a.type === 'none') return 'unknown';
      return yes(r.target[ACCOUNT_FLAG[a.type]]);
    case 'account.undo': {
      const flag = r.target[UNDO_FLAG[a.type]];
      return yes(flag === undefined ? undefined : !flag);
    }
    default:
      return 'unknown';
  }
}

/** The remote report an action's check reads: its own report, or the report an account action came from. */
export function reportToCheck(a: ConnectorAction, storedReportRemoteId: string | null): string | null {
  if ('reportId' in a && typeof a.reportId === 'string') return a.reportId;
  // A watch item's `watch:…` id is ours: the server has no such report to read back.
  return storedReportRemoteId?.startsWith('watch:') ? null : storedReportRemoteId;
}
