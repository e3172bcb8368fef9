import { db } from '@/lib/db';
import { assertAllowed, canReadAudit } from '@/lib/auth/policy';
import type { Ctx } from './actor';
import { checkpointLine } from './checkpoint-file';
import { createCheckpointIn } from './create-checkpoint';
import { recordEvent } from './record-event';

/**
 * The page's "Export checkpoint": records the export, then signs the log's end including that event, so the
 * file an admin keeps elsewhere covers everything up to and including their own download.
 */
export async function exportCheckpoint({ ctx }: { ctx: Ctx }): Promise<{ filename: string; body: string }> {
  assertAllowed(canReadAudit(ctx.actor), 'audit.checkpoint.exported');
  const checkpoint = await db.$transaction(async (tx) => {
    await recordEvent(tx, { actor: ctx.actor, action: 'audit.checkpoint.exported', targetType: 'audit_log', details: { to: 'download' } });
    return createCheckpointIn(tx);
  });
  const stamp = checkpoint.at.toISOString().replace(/[:.]/g, '-');
  return { filename: `audit-checkpoint-${checkpoint.lastSeq}-${stamp}.jsonl`, body: `${checkpointLine(checkpoint)}\n` };
}
