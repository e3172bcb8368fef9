/**
 * Who may open evidence, and that every opening is audited before any byte leaves: a moderator without the
 * permission is refused (open and export), an admin grants it, the moderator opens with a reason (audited with the
 * reason), a revoked or disabled user is refused at once, a failed audit write returns nothing. The export ZIP
 * opens with fflate and every file in it hashes to the manifest; manifest.json hashes to the sealed value.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import * as audit from '@/lib/audit/record-event';
import { parseArgs } from '@/lib/cli/args';
import { runCommand } from '@/lib/cli/commands';
import { sha256Hex } from '@/lib/evidence/canonical-json';
import { exportEvidence } from '@/lib/evidence/export-evidence';
import { getEvidencePanel } from '@/lib/evidence/get-evidence-panel';
import { parseManifest } from '@/lib/evidence/manifest-schema';
import { openEvidenceItem } from '@/lib/evidence/open-evidence-item';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { setEvidenceAccess } from '@/lib/users/set-evidence-access';
import { fileServer, sealableCase, servedImage, type FileServer } from './evidence-fixtures';
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
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000f1');
const mod = userActor('moderator', null, '00000000-0000-4000-8000-0000000000f2');
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-0000000000f3');

async function sealed() {
  const s = await sealableCase(server, server404);
  const seal = await sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'access test' } });
  const row = await db.evidence.findUniqueOrThrow({ where: { id: seal.evidenceId } });
  const manifest = parseManifest(row.manifest);
  if (!manifest) throw new Error('manifest');
  return { ...s, ...seal, manifest };
}

describe('evidence access', () => {
  it('moderator: refused without the grant, allowed and audited with it, refused again when revoked or disabled', async () => {
    for (const a of [admin, mod, viewer]) await persistActor(a);
    const s = await sealed();
    const orig = s.manifest.items.find((i) => i.path === 'files/original.png');
    const n = orig?.n ?? -1;
    const asMod = { ctx: { actor: mod } };
    await expect(openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: 'need to look' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportEvidence({ ...asMod, input: { caseId: s.caseId, reason: 'need to look' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getEvidencePanel({ ...asMod, input: { caseId: s.caseId } })).can).toEqual({ open: false, seal: true, manage: false });
    // Only managers grant; viewers cannot be granted.
    await expect(setEvidenceAccess({ ...asMod, input: { userId: mod.type === 'user' ? mod.id : '', granted: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setEvidenceAccess({ ctx: { actor: admin }, input: { userId: viewer.type === 'user' ? viewer.id : '', granted: true } })).rejects.toMatchObject({ code: 'bad_request' });
    await setEvidenceAccess({ ctx: { actor: admin }, input: { userId: mod.type === 'user' ? mod.id : '', granted: true } });
    // A reason is required.
    await expect(openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: ' x ' } })).rejects.toMatchObject({ code: 'bad_request' });
    const opened = await openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: 'checking the report' } });
    expect(opened).toMatchObject({ path: 'files/original.png', mime: 'image/png' });
    expect(opened.bytes.equals(s.original)).toBe(true);
    const viewed = await db.auditEvent.findMany({ where: { action: 'evidence.viewed', targetId: s.caseId } });
    expect(viewed.map((e) => [e.actorLabel, e.details])).toEqual([['moderator@example.test', { evidenceId: s.evidenceId, n, path: 'files/original.png', reason: 'checking the report' }]]);
    // An opening that cannot be audited returns nothing.
    const spy = vi.spyOn(audit, 'recordEvent').mockRejectedValueOnce(new Error('audit down'));
    await expect(openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: 'second look' } })).rejects.toThrow('audit down');
    await expect(exportEvidence({ ...asMod, input: { caseId: s.caseId, reason: 'second look' } })).resolves.toMatchObject({ filename: expect.any(String) });
    spy.mockRestore();
    // Revoked: refused at once (the session still says moderator); disabled with the grant: refused too.
    await setEvidenceAccess({ ctx: { actor: admin }, input: { userId: mod.type === 'user' ? mod.id : '', granted: false } });
    await expect(openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: 'third look' } })).rejects.toMatchObject({ code: 'forbidden' });
    await setEvidenceAccess({ ctx: { actor: admin }, input: { userId: mod.type === 'user' ? mod.id : '', granted: true } });
    await db.user.update({ where: { id: mod.type === 'user' ? mod.id : '' }, data: { disabledAt: new Date() } });
    await expect(openEvidenceItem({ ...asMod, input: { evidenceId: s.evidenceId, n, reason: 'third look' } })).rejects.toMatchObject({ code: 'forbidden' });
    const changes = await db.auditEvent.findMany({ where: { action: 'user.evidence_access_changed' }, orderBy: { seq: 'asc' } });
    expect(changes.map((e) => e.details)).toEqual([true, false, true].map((to) => ({ email: 'moderator@example.test', from: !to, to })));
    // A viewer never opens evidence.
    await expect(openEvidenceItem({ ctx: { actor: viewer }, input: { evidenceId: s.evidenceId, n, reason: 'curious' } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('export: an admin exports with a reason; the ZIP holds the manifest byte-exact and files hashing to it; audited', async () => {
    await persistActor(admin);
    const s = await sealed();
    await expect(exportEvidence({ ctx: { actor: admin }, input: { caseId: s.caseId, reason: '' } })).rejects.toMatchObject({ code: 'bad_request' });
    const { filename, zip } = await exportEvidence({ ctx: { actor: admin }, input: { caseId: s.caseId, reason: 'request from law enforcement #42' } });
    expect(filename).toBe(`case-${s.number}-evidence-v1.zip`);
    const files = unzipSync(new Uint8Array(zip));
    const manifestBytes = Buffer.from(files['manifest.json']);
    expect(sha256Hex(manifestBytes)).toBe(s.manifestSha256);
    const manifest = parseManifest(JSON.parse(manifestBytes.toString('utf8')));
    const stored = manifest?.items.filter((i) => i.kind !== 'missing') ?? [];
    expect(stored.length).toBeGreaterThan(5);
    for (const item of stored) expect([item.path, sha256Hex(Buffer.from(files[item.path]))]).toEqual([item.path, item.sha256]);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'audit-trail.jsonl', 'manifest.json', ...stored.map((i) => i.path)].sort());
    const trail = Buffer.from(files['audit-trail.jsonl']).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(trail.map((e) => e.action)).toContain('evidence.sealed');
    expect(trail[0]).toEqual(expect.objectContaining({ seq: expect.any(String), prevHash: expect.any(String), hash: expect.any(String), chainVersion: 2, actorLabel: expect.any(String) }));
    expect(Buffer.from(files['README.txt']).toString('utf8')).toContain(s.manifestSha256);
    const exported = await db.auditEvent.findMany({ where: { action: 'evidence.exported', targetId: s.caseId } });
    expect(exported.map((e) => e.details)).toEqual([{ evidenceIds: [s.evidenceId], reason: 'request from law enforcement #42', zipSha256: crypto.createHash('sha256').update(zip).digest('hex') }]);
    // The CLI writes the same kind of ZIP to a file (0600), audited with the CLI's default reason.
    const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'ev-')), 'case.zip');
    const lines: string[] = [];
    expect(await runCommand(parseArgs(['evidence', 'export', String(s.number), '--out', out]), (l) => lines.push(l))).toBe(0);
    const written = await fs.readFile(out);
    expect(sha256Hex(Buffer.from(unzipSync(new Uint8Array(written))['manifest.json']))).toBe(s.manifestSha256);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o600);
    expect(await db.auditEvent.count({ where: { action: 'evidence.exported', targetId: s.caseId, actorLabel: 'system:cli' } })).toBe(1);
  });
});
