/**
 * The emergency brake: undo the last application. Each change that reached its server is reversed through the
 * outbox the same way it was made (an add is removed; a removal puts the old block back with its old provenance;
 * a raise, lower or update goes back to the block before). Only the latest application, once all its changes
 * finished, and only once (undoOfId is unique; undoneAt is claimed under the apply lock).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canActOn } from '@/lib/auth/policy';
import type { DomainBlockTarget } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { assertCanApplyBlocklists } from './federation-access';
import { SEVERITY_RANK, type ApplyOp, type CurrentBlock } from './types';
import { latestUndoable } from './undoable';
import { writeApplication, type PlannedChange } from './write-application';

const input = z.object({ applicationId: z.uuid('Choose an application by id.').optional() }).strict();

const NOT_LATEST = 'Only the latest application can be undone, once all its changes have finished.';

function targetOf(b: CurrentBlock): DomainBlockTarget {
  return { severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, publicComment: b.publicComment, obfuscate: b.obfuscate };
}

function asBlock(after: DomainBlockTarget, domain: string, sourceIds: string[]): CurrentBlock {
  return { domain, severity: after.severity, rejectMedia: after.rejectMedia, rejectReports: after.rejectReports, publicComment: after.publicComment, obfuscate: after.obfuscate, origin: 'list', sourceIds };
}

export function inverseOf(c: { instanceId: string; domain: string; op: string; before: CurrentBlock | null; after: DomainBlockTarget | null; sourceIds: string[] }): PlannedChange | null {
  if (c.op === 'add') {
    return c.after ? { instanceId: c.instanceId, domain: c.domain, op: 'remove', before: asBlock(c.after, c.domain, c.sourceIds), after: null, sourceIds: c.sourceIds } : null;
  }
  if (!c.before) return null;
  const back = targetOf(c.before);
  if (c.op === 'remove') return { instanceId: c.instanceId, domain: c.domain, op: 'add', before: null, after: back, sourceIds: c.before.sourceIds };
  const now = c.after ? SEVERITY_RANK[c.after.severity] : 0;
  const op: ApplyOp = SEVERITY_RANK[back.severity] > now ? 'raise' : SEVERITY_RANK[back.severity] < now ? 'lower' : 'update';
  return { instanceId: c.instanceId, domain: c.domain, op, before: c.after ? asBlock(c.after, c.domain, c.sourceIds) : null, after: back, sourceIds: c.before.sourceIds };
}

export async function undoApplication({ ctx, input: raw }: { ctx: Ctx; input?: { applicationId?: string } }): Promise<{ applicationId: string; changes: number; instances: number }> {
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'undo blocklist: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  await assertCanApplyBlocklists(ctx.actor);
  const latest = await latestUndoable();
  if (!latest) throw new AppError('conflict', 'no undoable blocklist application', { userMessage: 'There is no application to undo (the last one is already undone, or still being sent).' });
  if (parsed.data.applicationId && parsed.data.applicationId !== latest.id) throw new AppError('conflict', 'not the latest application', { userMessage: NOT_LATEST });
  const done = await db.blocklistChange.findMany({ where: { applicationId: latest.id, state: 'done' }, orderBy: [{ instanceId: 'asc' }, { domain: 'asc' }] });
  const instanceIds = [...new Set(done.map((c) => c.instanceId))];
  // One person undoing only part of an application would leave the team's instances half reverted.
  if (instanceIds.some((id) => !canActOn(ctx.actor, id))) {
    throw new AppError('forbidden', 'undo touches instances the actor cannot act on', { userMessage: 'This application changed instances you cannot act on; ask an admin to undo it.' });
  }
  const changes = done
    .map((c) => inverseOf({ ...c, before: c.before as CurrentBlock | null, after: c.after as DomainBlockTarget | null }))
    .filter((c): c is PlannedChange => c !== null);
  const instances = await db.instance.findMany({ where: { id: { in: instanceIds } }, select: { id: true, name: true } });
  const { applicationId, actionIds } = await writeApplication({
    actor: ctx.actor, kind: 'undo', undoOfId: latest.id, changes, instanceNames: new Map(instances.map((i) => [i.id, i.name])),
    auditAction: 'blocklist.undo.requested',
    before: async (tx) => {
      const claimed = await tx.blocklistApplication.updateMany({ where: { id: latest.id, undoneAt: null }, data: { undoneAt: new Date() } });
      if (claimed.count === 0) throw new AppError('conflict', 'application already undone', { userMessage: NOT_LATEST });
    },
  });
  return { applicationId, changes: changes.length, instances: actionIds.length };
}
