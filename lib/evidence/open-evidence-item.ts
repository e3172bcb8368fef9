/**
 * Opens one sealed item. Needs the evidence permission and a reason; the `evidence.viewed` event is committed
 * BEFORE the bytes are returned, so an opening that cannot be audited returns nothing. Bytes that no longer hash to
 * the manifest are refused (the seal is damaged: `evidence verify` says how). A person's opening is also an
 * exposure (issue 15) with the case's severity, written in the same transaction.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { recordExposure } from '@/lib/exposure/record-exposure';
import { sha256Hex } from './canonical-json';
import { assertCanOpenEvidence, evidenceReason } from './evidence-access';
import { evidenceKey, getEvidenceStore } from './evidence-store';
import { assertNotDestroyed, loadVisibleEvidence, manifestOf } from './load-evidence';

export async function openEvidenceItem({ ctx, input }: { ctx: Ctx; input: { evidenceId: string; n: number; reason: string } }): Promise<{ path: string; mime: string; bytes: Buffer }> {
  await assertCanOpenEvidence(ctx.actor);
  const reason = evidenceReason(input.reason);
  const row = await loadVisibleEvidence(ctx.actor, input.evidenceId);
  assertNotDestroyed(row);
  const item = manifestOf(row).items.find((i) => i.n === input.n);
  if (!item) throw new AppError('not_found', `evidence item ${input.n} not found`, { userMessage: 'No such item in this seal.' });
  if (item.kind === 'missing') throw new AppError('not_found', 'evidence item has no bytes', { userMessage: `This item was not available when sealed: ${item.note ?? 'no bytes'}.` });
  const bytes = await (await getEvidenceStore()).get(evidenceKey(row.id, item.n));
  if (!bytes || sha256Hex(bytes) !== item.sha256) throw new AppError('internal', `evidence ${row.id} item ${item.n} damaged`, { userMessage: 'This item is missing or does not match its sealed hash: run `evidence verify`.' });
  const actor = ctx.actor;
  await db.$transaction(async (tx) => {
    await recordEvent(tx, { actor, action: 'evidence.viewed', targetType: 'case', targetId: row.caseId, details: { evidenceId: row.id, n: item.n, path: item.path, reason } });
    if (actor.type !== 'user') return;
    const kase = await tx.case.findUnique({ where: { id: row.caseId }, select: { severity: true, label: true } });
    await recordExposure(tx, { userId: actor.id, kind: 'evidence_open', severity: kase?.severity ?? 0, label: kase?.label ?? null, caseId: row.caseId, evidenceId: row.id });
  });
  return { path: item.path, mime: item.mime ?? 'application/octet-stream', bytes };
}
