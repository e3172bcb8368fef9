/**
 * Apply the merged list: recompute the preview here (the browser's lines are never trusted), refuse when it is no
 * longer the one the moderator reviewed, and send each chosen instance its sendable lines through the outbox.
 * Needs federation access; only instances the actor can act on are touched. Hand-made blocks never appear in the
 * lines (diff-instance keeps them), so applying cannot change or remove them.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { canActOn } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { assertCanApplyBlocklists } from './federation-access';
import { instanceDiffs } from './instance-diffs';
import { loadMerged } from './load-merged';
import { previewDigest } from './preview-digest';
import { APPLY_OPS, type ApplyInput, type ApplyOp, type ApplyResult } from './types';
import { writeApplication, type PlannedChange } from './write-application';

const input = z.object({
  instanceIds: z.array(z.uuid('Choose instances by id.')).max(500).optional(),
  ops: z.array(z.enum(APPLY_OPS as [ApplyOp, ...ApplyOp[]])).max(5).optional(),
  digest: z.string().regex(/^[0-9a-f]{16,128}$/, 'The preview digest is not valid.').optional(),
}).strict();

export const STALE_PREVIEW = 'The preview changed since you opened it; review it again.';

export async function applyBlocklist({ ctx, input: raw }: { ctx: Ctx; input: ApplyInput }): Promise<ApplyResult> {
  const parsed = input.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'apply blocklist: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  await assertCanApplyBlocklists(ctx.actor);
  const { instanceIds, digest } = parsed.data;
  const ops = new Set<ApplyOp>(parsed.data.ops ?? APPLY_OPS);
  const { merged } = await loadMerged();
  const all = await instanceDiffs(ctx.actor, merged.blocks);
  const chosen = instanceIds ? all.filter((d) => instanceIds.includes(d.instanceId)) : all;
  // The preview covered either every visible instance or just the chosen ones (CLI --instance): either is current.
  if (digest !== undefined && digest !== previewDigest(all) && digest !== previewDigest(chosen)) {
    throw new AppError('conflict', 'blocklist preview digest mismatch', { userMessage: STALE_PREVIEW });
  }
  const changes: PlannedChange[] = [];
  const names = new Map<string, string>();
  for (const d of chosen) {
    if (!d.supported || !canActOn(ctx.actor, d.instanceId)) continue;
    names.set(d.instanceId, d.name);
    for (const l of d.lines) {
      if (!ops.has(l.op as ApplyOp) || !APPLY_OPS.includes(l.op as ApplyOp)) continue;
      changes.push({ instanceId: d.instanceId, domain: l.domain, op: l.op as ApplyOp, before: l.before, after: l.after, sourceIds: l.sourceIds });
    }
  }
  if (changes.length === 0) return { applicationId: null, changes: 0, instances: 0 };
  const { applicationId, actionIds } = await writeApplication({
    actor: ctx.actor, kind: 'apply', changes, instanceNames: names, auditAction: 'blocklist.applied',
    auditDetails: { ops: [...ops] },
  });
  return { applicationId, changes: changes.length, instances: actionIds.length };
}
