import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { entryLabel } from './bank-fields';
import { lockBankChanges } from './bank-changes';
import { insertEntries } from './insert-entries';
import { mediaSignals } from './media-signals';
import { createRematchRun, startRematch } from './rematch';

export const addMediaToBankInput = z.object({
  mediaId: z.uuid(),
  bankId: z.uuid(),
  label: entryLabel.optional(),
  /** The report the moderator was looking at, for provenance. */
  reportId: z.uuid().optional(),
});

/**
 * "Add this media to a bank" from a report: the media's own hashes become entries, so copies of it are flagged
 * on every connected instance. A moderator must be able to act on the media's instance; allow banks need an
 * admin, because an allow entry silences matches for everyone.
 */
export async function addMediaToBank({ ctx, input }: { ctx: Ctx; input: z.input<typeof addMediaToBankInput> }) {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'media.add_to_bank');
  const data = addMediaToBankInput.parse(input);
  const media = await db.media.findUnique({ where: { id: data.mediaId }, select: { id: true, instanceId: true, pdqHash: true, pdqQuality: true, md5: true, sha256: true } });
  if (!media) throw new AppError('not_found', 'media not found');
  assertAllowed(canActOn(ctx.actor, media.instanceId), 'media.add_to_bank');
  if (data.reportId && !(await db.report.findFirst({ where: { id: data.reportId, instanceId: media.instanceId }, select: { id: true } }))) {
    throw new AppError('bad_request', 'report does not belong to the media instance');
  }
  const { signals, skipped } = mediaSignals(media);
  if (signals.length === 0) throw new AppError('bad_request', 'media not hashed', { userMessage: 'This media has not been hashed yet.' });
  const provenance = { source: 'media', mediaId: media.id, reportId: data.reportId ?? null, userId: actorId(ctx.actor), instanceId: media.instanceId };
  const label = data.label || null;
  const result = await db.$transaction(async (tx) => {
    await lockBankChanges(tx);
    const bank = await tx.hashBank.findUnique({ where: { id: data.bankId }, select: { id: true, name: true, kind: true, enabled: true } });
    if (!bank) throw new AppError('not_found', 'bank not found');
    assertAllowed(bank.kind === 'match' || hasRole(ctx.actor, 'admin'), 'allow_bank.add_media');
    const inserted = await insertEntries(tx, bank.id, signals.map((s) => ({ ...s, label, provenance })));
    const added = inserted.map((e) => e.signalType);
    const existing = signals.map((s) => s.signalType).filter((s) => !added.includes(s));
    const rematchRunId = inserted.length > 0 && bank.enabled ? await createRematchRun(tx, bank.id) : null;
    await recordEvent(tx, {
      actor: ctx.actor, action: 'media.added_to_bank', targetType: 'media', targetId: media.id, instanceId: media.instanceId,
      details: { bankId: bank.id, bank: bank.name, kind: bank.kind, label, reportId: data.reportId ?? null, added, existing, skipped, rematchRunId },
    });
    return { bankId: bank.id, bank: bank.name, added: inserted.map((e) => ({ id: e.id.toString(), signalType: e.signalType, value: e.value })), existing, skipped, rematchRunId };
  }, { timeout: 60_000, maxWait: 60_000 });
  await startRematch(result.rematchRunId);
  return result;
}
