/**
 * Called by the purge before anything is destroyed (and by filing before anything is sent): reuses the newest live seal when it covers every copy about
 * to be removed, else seals a new version ("before purge" / "before filing"). Its own transaction(s): the purge starts only after
 * the seal is committed.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canEditCase, canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { sealEvidence } from './seal-evidence';
import type { FileOptions } from './gather-files';

const input = z.object({ caseId: z.uuid(), copyIds: z.array(z.uuid()).max(10_000), reason: z.enum(['before purge', 'before filing']).default('before purge') });

export async function ensureSealed({ ctx, input: raw }: { ctx: Ctx; input: { caseId: string; copyIds: string[]; reason?: 'before purge' | 'before filing' } }, opts: FileOptions = {}): Promise<{ evidenceId: string; sealedNow: boolean }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'ensureSealed: invalid input');
  const { caseId, copyIds, reason } = parsed.data;
  if (ctx.actor.type !== 'system') {
    const ids = await caseInstanceIds(db, caseId);
    if (!canSeeCase(ctx.actor, ids)) throw new AppError('not_found', `case ${caseId} not found`);
    if (!canEditCase(ctx.actor, ids)) throw new AppError('forbidden', 'forbidden: evidence.seal');
  }
  const live = await db.evidence.findFirst({
    where: { caseId, destroyedAt: null, copyIds: { hasEvery: copyIds } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true },
  });
  // Every seal covers every copy the case had when sealed, so a covering seal also holds these copies' bytes.
  if (live) return { evidenceId: live.id, sealedNow: false };
  const sealed = await sealEvidence({ ctx, input: { caseId, reason } }, opts);
  return { evidenceId: sealed.evidenceId, sealedNow: true };
}
