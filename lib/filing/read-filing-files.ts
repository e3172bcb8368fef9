/**
 * The files a CyberTipline report uploads: every distinct file of the case's sealed evidence (byte-identical copies
 * already share one item), never the live media store, so what NCMEC receives is exactly what we preserved. Each
 * file's bytes are checked against the sealed SHA-256 before anything is sent or shown, and its MD5 computed (the
 * hash CyberTipline answers an upload with).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { sha256Hex } from '@/lib/evidence/canonical-json';
import { ensureSealed } from '@/lib/evidence/ensure-sealed';
import { evidenceKey, getEvidenceStore } from '@/lib/evidence/evidence-store';
import { assertNotDestroyed, manifestOf } from '@/lib/evidence/load-evidence';
import type { FilingPreview } from './types';

export type FilingFileInput = FilingPreview['files'][number];

/** Seals first when no live seal covers every copy (so a copy found since is in the evidence too). */
export async function readFilingFiles({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<{ evidenceId: string; sealedNow: boolean; files: FilingFileInput[] }> {
  const copies = await db.caseCopy.findMany({ where: { caseId: input.caseId }, select: { id: true, mediaUrl: true } });
  const { evidenceId, sealedNow } = await ensureSealed({ ctx, input: { caseId: input.caseId, copyIds: copies.map((c) => c.id), reason: 'before filing' } });
  const row = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId }, include: { case: { select: { originMediaUrl: true } } } });
  assertNotDestroyed(row);
  const mediaUrlOf = new Map(copies.map((c) => [c.id, c.mediaUrl]));
  const files: FilingFileInput[] = [];
  for (const item of manifestOf(row).items) {
    if (item.kind !== 'file' || item.sha256 === null) continue;
    const bytes = await readFilingFileBytes(row.id, item.n, item.sha256);
    const firstCopyUrl = (item.copyIds ?? []).map((id) => mediaUrlOf.get(id)).find((u) => u) ?? null;
    const original = item.path.startsWith('files/original');
    files.push({
      n: item.n, fileName: path.posix.basename(item.path), mime: item.mime, bytes: bytes.byteLength, sha256: item.sha256,
      md5: createHash('md5').update(bytes).digest('hex'),
      locationUrl: (original ? row.case.originMediaUrl : null) ?? firstCopyUrl,
    });
  }
  if (files.length === 0) throw new AppError('bad_request', `evidence ${evidenceId}: no file item`, { userMessage: 'The sealed evidence holds no file to upload.' });
  return { evidenceId, sealedNow, files };
}

/** One sealed file's bytes for an upload, refused unless they still hash to what the filing recorded. */
export async function readFilingFileBytes(evidenceId: string, n: number, sha256: string): Promise<Uint8Array> {
  const store = await getEvidenceStore();
  // Bytes that no longer decrypt were changed at rest: the same answer as bytes that no longer hash.
  const bytes = await store.get(evidenceKey(evidenceId, n)).catch(() => null);
  if (!bytes || sha256Hex(bytes) !== sha256) {
    throw new AppError('internal', `evidence ${evidenceId} item ${n} missing or damaged`, { userMessage: 'A sealed file is missing or does not match its sealed hash: run `evidence verify`.' });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
