/**
 * Seals a case's evidence: gathers the bytes and records (gather-*.ts), encrypts every item into the evidence
 * store, THEN writes the Evidence row, the `evidence.sealed` audit event carrying the manifest's SHA-256 (so any
 * later change to the manifest shows against the audit chain) and Case.sealedAt, in one transaction.
 * A crash between the two leaves blobs under a fresh evidence id that no row names: harmless (unreadable without
 * the key, never listed), and never a row whose blobs were not written.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { actorId, actorLabel } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { canEditCase, canSeeCase, caseInstanceIds, lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { getMediaStore } from '@/lib/storage';
import { manifestHash, sha256Hex } from './canonical-json';
import { getEvidenceSettings } from './evidence-settings';
import { evidenceKey, getEvidenceStore } from './evidence-store';
import { gatherFiles, type FileOptions } from './gather-files';
import { gatherRecords } from './gather-records';
import type { GatheredItem } from './gathered';
import { loadCaseMaterial } from './load-case-material';
import type { EvidenceManifest, ManifestItem } from './types';

export interface SealResult { evidenceId: string; version: number; manifestSha256: string; sealedAt: string }

const input = z.object({ caseId: z.uuid(), reason: z.string().transform((r) => r.replaceAll('\u0000', '').trim()).pipe(z.string().min(3).max(500)) });
const DAY_MS = 86_400_000;

export async function sealEvidence({ ctx, input: raw }: { ctx: Ctx; input: { caseId: string; reason: string } }, opts: FileOptions = {}): Promise<SealResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'seal: invalid input', { userMessage: 'Give a reason for sealing (3 to 500 characters).' });
  const { caseId, reason } = parsed.data;
  await assertCanSeal(ctx, caseId);
  const material = await loadCaseMaterial(caseId);
  const files = await gatherFiles(await getMediaStore(), material.primary, material.copies.map((c) => c.copy), opts);
  const records = gatherRecords(material, files.fileOf);
  const gathered = [...records.slice(0, 3), ...files.items, ...records.slice(3)];
  const evidenceId = crypto.randomUUID();
  const items = await storeItems(evidenceId, gathered);
  const copyIds = material.copies.map((c) => c.copy.id);
  const write = () => writeSeal(ctx, { evidenceId, caseId, reason, items, copyIds });
  try {
    return await write();
  } catch (e) {
    // Two seals of one case serialize on the case row lock, so a version clash is unexpected: one retry, then 'conflict'.
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    return write().catch((again: unknown) => {
      if (again instanceof Prisma.PrismaClientKnownRequestError && again.code === 'P2002') throw new AppError('conflict', 'seal: version taken twice', { userMessage: 'Another seal of this case was written at the same moment. Try again.' });
      throw again;
    });
  }
}

async function assertCanSeal(ctx: Ctx, caseId: string): Promise<void> {
  if (ctx.actor.type === 'system') return;
  const ids = await caseInstanceIds(db, caseId);
  if (!canSeeCase(ctx.actor, ids) || !(await db.case.count({ where: { id: caseId } }))) throw new AppError('not_found', `case ${caseId} not found`);
  if (!canEditCase(ctx.actor, ids)) throw new AppError('forbidden', 'forbidden: evidence.seal');
}

async function storeItems(evidenceId: string, gathered: GatheredItem[]): Promise<ManifestItem[]> {
  const store = await getEvidenceStore();
  const items = gathered.map((g, n): ManifestItem => ({
    n, path: g.path, kind: g.kind, mime: g.mime, sha256: g.data ? sha256Hex(g.data) : null, bytes: g.data?.length ?? 0, source: g.source,
    ...(g.copyIds ? { copyIds: g.copyIds } : {}), ...(g.note ? { note: g.note } : {}),
  }));
  // A few at a time: each put fsyncs; the store is encrypted per key (the key is the AAD).
  for (let i = 0; i < gathered.length; i += 8) {
    await Promise.all(gathered.slice(i, i + 8).map((g, j) => (g.data ? store.put(evidenceKey(evidenceId, i + j), g.data) : undefined)));
  }
  return items;
}

interface SealDraft { evidenceId: string; caseId: string; reason: string; items: ManifestItem[]; copyIds: string[] }

async function writeSeal(ctx: Ctx, d: SealDraft): Promise<SealResult> {
  const { retentionDays } = await getEvidenceSettings();
  return db.$transaction(async (tx) => {
    if ((await lockCaseRow(tx, d.caseId)) === null) throw new AppError('not_found', `case ${d.caseId} not found`);
    const c = await tx.case.findUniqueOrThrow({ where: { id: d.caseId } });
    const last = await tx.evidence.aggregate({ where: { caseId: d.caseId }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const sealedAt = new Date();
    const manifest: EvidenceManifest = {
      format: 'fedimod-evidence/1', evidenceId: d.evidenceId, case: { id: c.id, number: c.number, title: c.title }, version,
      sealedAt: sealedAt.toISOString(), sealedBy: actorLabel(ctx.actor), reason: d.reason,
      hashes: { sha256: c.sha256, md5: c.md5, pdq: c.pdqHash }, originUri: c.originUri, copyIds: d.copyIds, items: d.items,
    };
    const manifestSha256 = manifestHash(manifest);
    const bytes = d.items.reduce((sum, i) => sum + i.bytes, 0);
    await tx.evidence.create({
      data: {
        id: d.evidenceId, caseId: d.caseId, version, sealedAt, sealedById: actorId(ctx.actor), sealedByLabel: actorLabel(ctx.actor), reason: d.reason,
        manifest: JSON.parse(JSON.stringify(manifest)), manifestSha256, copyIds: d.copyIds, itemCount: d.items.length, totalBytes: BigInt(bytes),
        retainUntil: new Date(sealedAt.getTime() + retentionDays * DAY_MS),
      },
    });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'evidence.sealed', targetType: 'case', targetId: d.caseId,
      details: { evidenceId: d.evidenceId, version, manifestSha256, items: d.items.length, bytes, copies: d.copyIds.length, reason: d.reason },
    });
    if (!c.sealedAt) await tx.case.update({ where: { id: d.caseId }, data: { sealedAt } });
    return { evidenceId: d.evidenceId, version, manifestSha256, sealedAt: sealedAt.toISOString() };
  }, { timeout: 30_000, maxWait: 30_000 });
}
