/**
 * The outbox's hook for domain.blocks_reconcile (called from lib/actions/perform-action.ts inside the transaction
 * that marks the action done or failed): each domain's outcome lands on its BlocklistChange row, and the
 * instance's block mirror (InstanceDomainBlock) follows what the server now has, with list provenance.
 */
import type { Tx } from '@/lib/db';
import type { ActionResult, ConnectorAction } from '@/lib/connectors/types';

export interface ReconcileActionRow {
  id: string;
  instanceId: string;
  blocklistApplicationId: string | null;
}

export async function recordBlocklistOutcome(tx: Tx, action: ReconcileActionRow, payload: ConnectorAction, result: ActionResult): Promise<void> {
  void tx; void action; void payload; void result;
  throw new Error('not implemented: lib/blocklists/record-outcome.ts (H4)');
}

/** The whole action failed (gave up, refused, or may have reached the server): every change still queued fails with it. */
export async function recordBlocklistFailure(tx: Tx, action: ReconcileActionRow, error: string): Promise<void> {
  void tx; void action; void error;
  throw new Error('not implemented: lib/blocklists/record-outcome.ts (H4)');
}
