/**
 * The outbox's hook for domain.blocks_reconcile (called from lib/actions/perform-action.ts inside the transaction
 * that marks the action done or failed): each domain's outcome lands on its BlocklistChange row, and the
 * instance's block mirror (InstanceDomainBlock) follows what the server now has, with list provenance.
 */
import type { Tx } from '@/lib/db';
import type { ActionResult, ConnectorAction, DomainBlockOutcome } from '@/lib/connectors/types';
import type { CurrentBlock } from './types';

export interface ReconcileActionRow {
  id: string;
  instanceId: string;
  blocklistApplicationId: string | null;
}

const NO_OUTCOME = 'The server did not say what became of this domain; read the blocks from the server again.';

/**
 * Where a block the application set comes from: the lists behind the change, except when an undo puts back a block
 * that existed before the original application: it gets its old provenance back (a hand-made block stays hand-made).
 */
async function provenanceFor(tx: Tx, applicationId: string, change: { instanceId: string; domain: string; sourceIds: string[] }): Promise<{ origin: 'list' | 'hand'; sourceIds: string[] }> {
  const app = await tx.blocklistApplication.findUnique({ where: { id: applicationId }, select: { kind: true, undoOfId: true } });
  if (app?.kind === 'undo' && app.undoOfId) {
    const original = await tx.blocklistChange.findFirst({ where: { applicationId: app.undoOfId, instanceId: change.instanceId, domain: change.domain }, select: { before: true } });
    const before = original?.before as CurrentBlock | null | undefined;
    if (before) return { origin: before.origin, sourceIds: before.sourceIds };
  }
  return { origin: 'list', sourceIds: change.sourceIds };
}

export async function recordBlocklistOutcome(tx: Tx, action: ReconcileActionRow, payload: ConnectorAction, result: ActionResult): Promise<void> {
  if (!action.blocklistApplicationId || payload.kind !== 'domain.blocks_reconcile') return;
  const outcomes = new Map<string, DomainBlockOutcome>();
  for (const o of result.domainBlocks ?? []) outcomes.set(o.domain.toLowerCase(), o);
  // Failed rows too: a failed action a person retried (lib/actions/retry-action.ts) sends every change again.
  const changes = await tx.blocklistChange.findMany({ where: { actionId: action.id, state: { in: ['queued', 'failed'] } } });
  const now = new Date();
  for (const c of changes) {
    const o = outcomes.get(c.domain);
    if (!o || !o.ok) {
      await tx.blocklistChange.update({ where: { id: c.id }, data: { state: 'failed', error: (o?.error ?? NO_OUTCOME).slice(0, 1000), doneAt: now } });
      continue;
    }
    const key = { instanceId_domain: { instanceId: action.instanceId, domain: c.domain } };
    if (o.block) {
      const { origin, sourceIds } = await provenanceFor(tx, action.blocklistApplicationId, c);
      const fields = {
        remoteId: o.block.remoteId, severity: o.block.severity, rejectMedia: o.block.rejectMedia, rejectReports: o.block.rejectReports,
        publicComment: o.block.publicComment, obfuscate: o.block.obfuscate, origin, sourceIds, applicationId: action.blocklistApplicationId, lastSeenAt: now,
      };
      await tx.instanceDomainBlock.upsert({ where: key, create: { instanceId: action.instanceId, domain: c.domain, ...fields }, update: fields });
    } else {
      await tx.instanceDomainBlock.deleteMany({ where: { instanceId: action.instanceId, domain: c.domain } });
    }
    await tx.blocklistChange.update({ where: { id: c.id }, data: { state: 'done', error: null, doneAt: now } });
  }
}

/** The whole action failed (gave up, refused, or may have reached the server): every change still queued fails with it. */
export async function recordBlocklistFailure(tx: Tx, action: ReconcileActionRow, error: string): Promise<void> {
  if (!action.blocklistApplicationId) return;
  await tx.blocklistChange.updateMany({ where: { actionId: action.id, state: 'queued' }, data: { state: 'failed', error: error.slice(0, 1000), doneAt: new Date() } });
}
