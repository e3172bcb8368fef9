/**
 * Which actions each server kind supports, for the instances page and the README: built from the connectors'
 * own declared capabilities, so the matrix cannot drift from what the UI offers.
 */
import { capabilitiesFor, connectorKinds } from './registry';
import type { ActionKind, ServerKind } from './types';

export const MATRIX_ACTIONS: { kind: ActionKind; label: string }[] = [
  { kind: 'report.assign_to_self', label: 'Assign to me' },
  { kind: 'report.unassign', label: 'Unassign' },
  { kind: 'report.resolve', label: 'Resolve' },
  { kind: 'report.reopen', label: 'Reopen' },
  { kind: 'report.set_category', label: 'Change category' },
  { kind: 'report.forward', label: 'Forward to origin' },
  { kind: 'account.action', label: 'Account actions' },
  { kind: 'account.undo', label: 'Undo account actions' },
  { kind: 'domain.block', label: 'Domain block' },
  { kind: 'status.delete', label: 'Delete post' },
  { kind: 'status.sensitive', label: 'Mark post sensitive' },
  { kind: 'media.purge', label: 'Purge cached media' },
];

export interface MatrixCell {
  supported: boolean;
  note: string | null;
}

export interface CapabilityMatrix {
  kinds: ServerKind[];
  rows: { action: ActionKind; label: string; cells: Record<string, MatrixCell> }[];
}

export function capabilityMatrix(): CapabilityMatrix {
  const kinds = connectorKinds();
  return {
    kinds,
    rows: MATRIX_ACTIONS.map(({ kind, label }) => ({
      action: kind,
      label,
      cells: Object.fromEntries(
        kinds.map((k) => {
          const caps = capabilitiesFor(k);
          return [k, { supported: caps.actions.includes(kind), note: caps.notes[kind] ?? null }];
        }),
      ),
    })),
  };
}
