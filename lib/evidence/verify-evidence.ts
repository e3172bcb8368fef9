/**
 * `evidence verify`: for every seal of a case, the stored manifest must hash to the row's manifestSha256 and to
 * the one in its `evidence.sealed` audit event, that event's MAC must hold and the audit chain must verify up to
 * its signed head; and every stored item must exist, decrypt (AES-GCM: one changed byte fails) and hash to the
 * manifest. Destroyed seals: the manifest checks only (the bytes are gone on purpose).
 * What it cannot catch: someone holding the master key AND the database can re-encrypt changed bytes, rewrite the
 * manifest and re-MAC the audit chain; exported checkpoints (audit checkpoint) kept elsewhere limit that.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { verifyRows, type ChainRow } from '@/lib/audit/chain';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { deriveKey } from '@/lib/crypto/master-key';
import { hasRole } from '@/lib/auth/policy';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { manifestHash, sha256Hex } from './canonical-json';
import { evidenceKey, getEvidenceStore } from './evidence-store';
import { parseManifest } from './manifest-schema';
import type { EvidenceVerifyResult } from './types';

type SealCheck = EvidenceVerifyResult['seals'][number];
type EvidenceRow = { id: string; caseId: string; version: number; manifest: unknown; manifestSha256: string; itemCount: number; destroyedAt: Date | null };

export async function verifyEvidence({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<EvidenceVerifyResult> {
  const caseId = z.uuid().parse(input.caseId);
  if (!hasRole(ctx.actor, 'moderator') || !canSeeCase(ctx.actor, await caseInstanceIds(db, caseId))) throw new AppError('not_found', `case ${caseId} not found`);
  const rows = await db.evidence.findMany({ where: { caseId }, orderBy: { version: 'asc' } });
  const key = await deriveKey('audit');
  const seals: SealCheck[] = [];
  for (const row of rows) seals.push(await verifySeal(row, key));
  const chain = await verifyAuditChain();
  const chainProblem = chain.ok ? null : `audit chain broken at #${chain.firstBroken?.seq}: ${chain.firstBroken?.reason}`;
  return { ok: chain.ok && seals.every((s) => s.ok), seals, chain: { ok: chain.ok, problem: chainProblem } };
}

async function verifySeal(row: EvidenceRow, auditKey: Buffer): Promise<SealCheck> {
  const problems = await manifestProblems(row, auditKey);
  const manifest = parseManifest(row.manifest);
  const badItems: SealCheck['badItems'] = [];
  let checkedItems = 0;
  if (manifest && !row.destroyedAt) {
    const store = await getEvidenceStore();
    for (const item of manifest.items) {
      if (item.kind === 'missing') continue;
      checkedItems++;
      const problem = await itemProblem(store, row.id, item.n, item.sha256);
      if (problem) badItems.push({ n: item.n, path: item.path, problem });
    }
  }
  const manifestOk = problems.length === 0;
  return { evidenceId: row.id, version: row.version, ok: manifestOk && badItems.length === 0, manifestOk, destroyed: row.destroyedAt !== null, badItems, checkedItems, problems };
}

async function manifestProblems(row: EvidenceRow, auditKey: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const computed = manifestHash(row.manifest);
  if (computed !== row.manifestSha256) problems.push(`the stored manifest hashes to ${computed}, not the sealed ${row.manifestSha256} (the manifest was changed)`);
  const manifest = parseManifest(row.manifest);
  if (!manifest) problems.push('the stored manifest is not a valid evidence manifest');
  else if (manifest.evidenceId !== row.id || manifest.version !== row.version || manifest.items.length !== row.itemCount) problems.push('the manifest names another seal (id, version or item count differ from the row)');
  const events = await db.auditEvent.findMany({ where: { action: 'evidence.sealed', targetType: 'case', targetId: row.caseId, details: { path: ['evidenceId'], equals: row.id } }, orderBy: { seq: 'asc' } });
  if (events.length !== 1) {
    problems.push(events.length === 0 ? 'no evidence.sealed audit event for this seal (it was removed, or the seal was not made by the app)' : 'several evidence.sealed audit events for this seal');
    return problems;
  }
  const event = events[0];
  const sealedHash = z.object({ manifestSha256: z.string() }).safeParse(event.details);
  if (!sealedHash.success || sealedHash.data.manifestSha256 !== row.manifestSha256) problems.push(`the audit event #${event.seq} records another manifest hash than the row`);
  else if (sealedHash.data.manifestSha256 !== computed) problems.push(`the stored manifest does not match the hash in audit event #${event.seq}`);
  // The event's own MAC (its link to the previous row is checked by the full chain walk).
  const own = verifyRows([event satisfies ChainRow], auditKey, { prevHash: event.prevHash, keyed: false });
  if (!own.ok) problems.push(`audit event #${event.seq} fails its check: ${own.firstBroken?.reason}`);
  return [...new Set(problems)];
}

async function itemProblem(store: Awaited<ReturnType<typeof getEvidenceStore>>, evidenceId: string, n: number, sha256: string | null): Promise<string | null> {
  let data: Buffer | null;
  try {
    data = await store.get(evidenceKey(evidenceId, n));
  } catch {
    return 'the stored file does not decrypt (a byte was changed, or it was moved from another key)';
  }
  if (!data) return 'the stored file is missing';
  const got = sha256Hex(data);
  return got === sha256 ? null : `its SHA-256 is ${got}, the manifest says ${sha256}`;
}
