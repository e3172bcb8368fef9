/**
 * The ZIP for law enforcement: manifest.json (byte-exact, so its SHA-256 is the sealed manifestSha256), every
 * stored item at its manifest path, audit-trail.jsonl and README.txt. Needs the evidence permission and a reason;
 * the `evidence.exported` event (with the ZIP's SHA-256) is committed before the ZIP is returned.
 */
import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { actorLabel } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { caseAuditTrail } from './audit-trail';
import { canonicalBytes, sha256Hex } from './canonical-json';
import { assertCanOpenEvidence, evidenceReason } from './evidence-access';
import { evidenceKey, getEvidenceStore } from './evidence-store';
import { exportReadme } from './export-readme';
import { assertNotDestroyed, loadVisibleEvidence, manifestOf } from './load-evidence';

/** fflate builds the ZIP in memory; past this a clear error beats an out-of-memory crash. */
export const MAX_EXPORT_BYTES = 2 * 1024 ** 3;

export async function exportEvidence({ ctx, input }: { ctx: Ctx; input: { caseId: string; reason: string; evidenceId?: string } }): Promise<{ filename: string; zip: Buffer }> {
  await assertCanOpenEvidence(ctx.actor);
  const reason = evidenceReason(input.reason);
  const row = await pickSeal(ctx, input.caseId, input.evidenceId);
  assertNotDestroyed(row);
  if (row.totalBytes > BigInt(MAX_EXPORT_BYTES)) throw new AppError('too_large', 'evidence export over 2 GB', { userMessage: 'This seal is larger than 2 GB, too large to export as one ZIP.' });
  const manifest = manifestOf(row);
  const manifestBytes = canonicalBytes(row.manifest);
  const files: Zippable = { 'manifest.json': [manifestBytes, { level: 0 }] };
  const store = await getEvidenceStore();
  for (const item of manifest.items) {
    if (item.kind === 'missing') continue;
    const bytes = await store.get(evidenceKey(row.id, item.n));
    // A damaged seal is not handed out as if it were intact.
    if (!bytes || sha256Hex(bytes) !== item.sha256) throw new AppError('internal', `evidence ${row.id} item ${item.n} damaged`, { userMessage: `Item ${item.path} is missing or does not match its sealed hash: run \`evidence verify\`.` });
    files[item.path] = [bytes, { level: item.kind === 'json' ? 6 : 0 }];
  }
  const exportedAt = new Date().toISOString();
  files['audit-trail.jsonl'] = Buffer.from(await caseAuditTrail(row.caseId), 'utf8');
  files['README.txt'] = Buffer.from(exportReadme(manifest, sha256Hex(manifestBytes), actorLabel(ctx.actor), exportedAt), 'utf8');
  const zip = Buffer.from(zipSync(files, { mtime: new Date(exportedAt) }));
  const zipSha256 = sha256Hex(zip);
  await db.$transaction((tx) =>
    recordEvent(tx, { actor: ctx.actor, action: 'evidence.exported', targetType: 'case', targetId: row.caseId, details: { evidenceIds: [row.id], reason, zipSha256 } }));
  return { filename: `case-${manifest.case.number}-evidence-v${row.version}.zip`, zip };
}

/** The seal asked for (it must belong to the case), else the newest live one. */
async function pickSeal(ctx: Ctx, caseId: string, evidenceId?: string) {
  if (evidenceId) {
    const row = await loadVisibleEvidence(ctx.actor, evidenceId);
    if (row.caseId !== caseId) throw new AppError('not_found', `evidence ${evidenceId} not in case ${caseId}`, { userMessage: 'No such evidence.' });
    return row;
  }
  if (!z.uuid().safeParse(caseId).success || !canSeeCase(ctx.actor, await caseInstanceIds(db, caseId))) throw new AppError('not_found', `case ${caseId} not found`);
  const row = await db.evidence.findFirst({ where: { caseId, destroyedAt: null }, orderBy: { version: 'desc' } });
  if (!row) throw new AppError('not_found', `case ${caseId} has no live seal`, { userMessage: 'This case has no sealed evidence to export.' });
  return row;
}
