/**
 * Issue 10 point 1: sealing gathers the right items (bytes deduplicated, a remote copy fetched from its own
 * instance, the unfetchable ones listed as missing with the reason), stores them encrypted, and records the
 * manifest's hash in the audit chain; `evidence verify` passes, then names the item whose stored byte was changed
 * (CLI exit code 1); ensureSealed reuses a covering seal and reseals when a copy is new; concurrent seals get
 * consecutive versions.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import * as audit from '@/lib/audit/record-event';
import { dataDir } from '@/lib/env';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { canonicalJson, manifestHash, sha256Hex } from '@/lib/evidence/canonical-json';
import { ensureSealed } from '@/lib/evidence/ensure-sealed';
import { evidenceInnerStore, evidenceKey, getEvidenceStore } from '@/lib/evidence/evidence-store';
import { evidenceJson } from '@/lib/evidence/evidence-json';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { verifyEvidence } from '@/lib/evidence/verify-evidence';
import { parseManifest } from '@/lib/evidence/manifest-schema';
import { fileServer, sealableCase, servedImage, type FileServer } from './evidence-fixtures';
import { makeInstance } from './cases-core-fixtures';
import { persistActor, systemActor, userActor } from './support/fixtures';

vi.mock('@/lib/cases/request-copy-search', () => ({ requestCopySearch: vi.fn(async () => ({ instances: 0 })) }));

let server: FileServer;
let server404: FileServer;
beforeAll(async () => {
  server = await fileServer(await servedImage());
  server404 = await fileServer(Buffer.alloc(0));
});
afterAll(async () => {
  await server.close();
  await server404.close();
});

const sys = { ctx: { actor: systemActor } };

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCommand(parseArgs(argv), (l) => lines.push(l));
  return { code, lines };
}

describe('sealing', () => {
  it('covers every copy: deduplicated bytes, a fetched remote file, missing items with reasons, records; audited', async () => {
    const s = await sealableCase(server, server404);
    const sealed = await sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'case review' } });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: sealed.evidenceId } });
    const manifest = parseManifest(row.manifest);
    expect(manifest).not.toBeNull();
    if (!manifest) return;
    expect(row.manifestSha256).toBe(manifestHash(row.manifest));
    expect(sealed).toMatchObject({ version: 1, manifestSha256: row.manifestSha256 });
    const copies = await db.caseCopy.findMany({ where: { caseId: s.caseId } });
    expect(copies).toHaveLength(6);
    expect([...row.copyIds].sort()).toEqual(copies.map((c) => c.id).sort());
    const byPath = new Map(manifest.items.map((i) => [i.path, i]));
    // The original once (A and C share its bytes), the rotated copy, and D's served file.
    const files = manifest.items.filter((i) => i.kind === 'file');
    expect(files.map((f) => f.sha256).sort()).toEqual([sha256Hex(s.original), sha256Hex(s.rotated), sha256Hex(await servedImage())].sort());
    const orig = byPath.get('files/original.png');
    const copyA = copies.find((c) => c.instanceId === s.instances.a);
    const copyC = copies.find((c) => c.instanceId === s.instances.c);
    expect(orig?.copyIds?.sort()).toEqual([copyA?.id, copyC?.id].sort());
    expect(byPath.get(`copies/${s.remoteCopies.cd.id}/file.png`)).toMatchObject({ kind: 'file', source: `url:${server.url}/media/ok.png`, mime: 'image/png' });
    expect(server.hits).toEqual(['/media/ok.png']);
    expect(byPath.get(`copies/${s.remoteCopies.ce.id}/file`)).toMatchObject({ kind: 'missing', sha256: null, note: expect.stringContaining('404') });
    expect(byPath.get(`copies/${s.remoteCopies.cf.id}/file`)).toMatchObject({ kind: 'missing', note: expect.stringContaining('another host') });
    for (const p of ['case.json', 'copies.json', 'reports.json', `posts/${copyA?.id}.json`, `accounts/${copyA?.id}.json`]) expect(byPath.get(p)?.kind).toBe('json');
    expect(manifest.hashes.sha256).toBe(sha256Hex(s.original));
    // The stored items decrypt to what the manifest says; JSON items are canonical.
    const store = await getEvidenceStore();
    const reports = await store.get(evidenceKey(row.id, byPath.get('reports.json')?.n ?? -1));
    const reportsJson: unknown = JSON.parse(reports?.toString('utf8') ?? 'null');
    expect(reports?.toString('utf8')).toBe(canonicalJson(reportsJson));
    expect(reports?.toString('utf8')).toContain('"category":"other"');
    const post = await store.get(evidenceKey(row.id, byPath.get(`posts/${copyA?.id}.json`)?.n ?? -1));
    expect(JSON.parse(post?.toString('utf8') ?? '{}')).toMatchObject({ uri: expect.stringContaining('origin.test'), text: expect.any(String), contentHtml: expect.any(String) });
    // Nothing on disk is plaintext: the raw blob of a JSON item is not its JSON.
    const raw = await evidenceInnerStore().get(evidenceKey(row.id, byPath.get('case.json')?.n ?? -1));
    expect(raw?.toString('utf8')).not.toContain(s.caseId);
    const events = await db.auditEvent.findMany({ where: { action: 'evidence.sealed', targetId: s.caseId } });
    expect(events.map((e) => e.details)).toEqual([{ evidenceId: row.id, version: 1, manifestSha256: row.manifestSha256, items: manifest.items.length, bytes: Number(row.totalBytes), copies: 6, reason: 'case review' }]);
    const c = await db.case.findUniqueOrThrow({ where: { id: s.caseId } });
    expect(c.sealedAt?.toISOString()).toBe(sealed.sealedAt);
    expect(row.retainUntil.getTime() - row.sealedAt.getTime()).toBe(365 * 86_400_000);
    expect(await evidenceJson(s.caseId)).toEqual({ sealedAt: sealed.sealedAt, retainUntil: row.retainUntil.toISOString(), manifestSha256: row.manifestSha256 });
  });

  it('verify passes, then names the item whose stored byte changed; the CLI exits 0 then 1', async () => {
    const s = await sealableCase(server, server404);
    const sealed = await sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'case review' } });
    const ok = await verifyEvidence({ ...sys, input: { caseId: s.caseId } });
    expect(ok.ok).toBe(true);
    expect(ok.seals[0]).toMatchObject({ ok: true, manifestOk: true, destroyed: false, badItems: [] });
    expect(ok.seals[0].checkedItems).toBeGreaterThan(5);
    expect(await cli('evidence', 'verify', String(s.number))).toMatchObject({ code: 0, lines: expect.arrayContaining(['Evidence verified.']) });
    // Flip one byte of the ciphertext on disk (the local store's file), as someone with disk access could.
    const manifest = parseManifest((await db.evidence.findUniqueOrThrow({ where: { id: sealed.evidenceId } })).manifest);
    const target = manifest?.items.find((i) => i.path === 'files/original.png');
    const inner = evidenceInnerStore();
    const key = evidenceKey(sealed.evidenceId, target?.n ?? -1);
    const blob = await inner.get(key);
    expect(blob).not.toBeNull();
    if (!blob) return;
    blob[blob.length - 3] ^= 0x01;
    await inner.put(key, blob);
    expect(path.join(dataDir(), 'media', key)).toContain('evidence'); // the tampered file is the store's own
    const bad = await verifyEvidence({ ...sys, input: { caseId: s.caseId } });
    expect(bad.ok).toBe(false);
    expect(bad.seals[0].manifestOk).toBe(true);
    expect(bad.seals[0].badItems).toEqual([{ n: target?.n, path: 'files/original.png', problem: expect.stringContaining('does not decrypt') }]);
    const run = await cli('evidence', 'verify', s.caseId);
    expect(run.code).toBe(1);
    expect(run.lines.join('\n')).toMatch(/item \d+ files\/original\.png: the stored file does not decrypt/);
    const asJson = await cli('evidence', 'verify', '--json', `#${s.number}`);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.lines[0])).toMatchObject({ ok: false, seals: [{ ok: false, badItems: [{ path: 'files/original.png' }] }] });
    // A deleted blob is named too.
    await inner.delete(key);
    expect((await verifyEvidence({ ...sys, input: { caseId: s.caseId } })).seals[0].badItems[0].problem).toBe('the stored file is missing');
  });

  it('ensureSealed reuses a covering seal, reseals when a copy is new; concurrent seals get consecutive versions', async () => {
    const s = await sealableCase(server, server404);
    const mod = await persistActor(userActor('moderator', null, '00000000-0000-4000-8000-0000000000e1'));
    const copies = (await db.caseCopy.findMany({ where: { caseId: s.caseId }, select: { id: true } })).map((c) => c.id);
    const first = await ensureSealed({ ctx: { actor: mod }, input: { caseId: s.caseId, copyIds: copies } });
    expect(first.sealedNow).toBe(true);
    const again = await ensureSealed({ ctx: { actor: mod }, input: { caseId: s.caseId, copyIds: copies.slice(0, 2) } });
    expect(again).toEqual({ evidenceId: first.evidenceId, sealedNow: false });
    const g = await makeInstance('eg');
    const added = await db.caseCopy.create({ data: { caseId: s.caseId, instanceId: g, copyKey: 'post:9', foundBy: 'origin_uri', foundVia: 'remote' } });
    const third = await ensureSealed({ ctx: { actor: mod }, input: { caseId: s.caseId, copyIds: [...copies, added.id] } });
    expect(third.sealedNow).toBe(true);
    expect(third.evidenceId).not.toBe(first.evidenceId);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: third.evidenceId } });
    expect(row).toMatchObject({ version: 2, reason: 'before purge', sealedByLabel: 'moderator@example.test' });
    expect(row.copyIds).toContain(added.id);
    // Two seals at once: the case row lock orders them; both land with distinct versions.
    const both = await Promise.all([1, 2].map(() => sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'twice at once' } })));
    expect(both.map((b) => b.version).sort()).toEqual([3, 4]);
    // A viewer cannot seal; a moderator limited to another instance does not see the case.
    await expect(sealEvidence({ ctx: { actor: userActor('viewer') }, input: { caseId: s.caseId, reason: 'nope' } })).rejects.toMatchObject({ code: 'forbidden' });
    const other = await makeInstance('eh');
    await expect(ensureSealed({ ctx: { actor: userActor('moderator', [other]) }, input: { caseId: s.caseId, copyIds: [] } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await verifyEvidence({ ...sys, input: { caseId: s.caseId } })).ok).toBe(true);
    // A seal whose audit write fails leaves no row (only unnamed blobs): fail-closed.
    const spy = vi.spyOn(audit, 'recordEvent').mockRejectedValueOnce(new Error('audit down'));
    await expect(sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'audit fails' } })).rejects.toThrow('audit down');
    spy.mockRestore();
    expect(await db.evidence.count({ where: { caseId: s.caseId } })).toBe(4);
  });
});
