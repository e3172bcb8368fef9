/**
 * Which actions each server kind supports, for the instances page and the README: built from the connectors'
 * own declared capabilities, so the matrix cannot drift from what the UI offers.
 */
import { ACTION_LABELS } from './action-labels';
import { capabilitiesFor, connectorKinds } from './registry';
import type { ActionKind, ServerKind } from './types';

export const MATRIX_ACTIONS = ACTION_LABELS;

export interface MatrixCell {
  supported: boolean;
  note: string | null;
  /** Server version the action needs when newer than the kind's minVersion. */
  since: string | null;
}

export interface CapabilityMatrix {
  kinds: ServerKind[];
  /** Oldest server version each connector targets. */
  minVersions: Record<string, string | null>;
  rows: { action: ActionKind; label: string; cells: Record<string, MatrixCell> }[];
}

export function capabilityMatrix(): CapabilityMatrix {
  const kinds = connectorKinds();
  return {
    kinds,
    minVersions: Object.fromEntries(kinds.map((k) => [k, capabilitiesFor(k).minVersion ?? null])),
    rows: MATRIX_ACTIONS.map(({ kind, label }) => ({
      action: kind,
      label,
      cells: Object.fromEntries(
        kinds.map((k) => {
          const caps = capabilitiesFor(k);
          // Opening a report is declared apart from `actions` (the report page does not offer it; forwarding does).
          if (kind === 'report.create') return [k, { supported: Boolean(caps.reportCreate), note: caps.reportCreate?.note ?? caps.notes[kind] ?? null, since: null }];
          return [k, { supported: caps.actions.includes(kind), note: caps.notes[kind] ?? null, since: caps.since?.[kind] ?? null }];
        }),
      ),
    })),
  };
}

/** The matrix as the README's markdown table (scripts/matrix.ts prints it; a test keeps the README equal to it). */
export function capabilityMatrixMarkdown(matrix: CapabilityMatrix = capabilityMatrix()): string {
  const head = `| Action | ${matrix.kinds.join(' | ')} |`;
  const rule = `|---|${matrix.kinds.map(() => '---').join('|')}|`;
  const versions = `| *Server versions* | ${matrix.kinds.map((k) => (matrix.minVersions[k] ? `${matrix.minVersions[k]}+` : '?')).join(' | ')} |`;
  const rows = matrix.rows.map(
    (r) => `| ${r.label} | ${matrix.kinds.map((k) => (r.cells[k].supported ? (r.cells[k].since ? `✓ (${r.cells[k].since}+)` : '✓') : '—')).join(' | ')} |`,
  );
  return [head, rule, versions, ...rows].join('\n');
}
