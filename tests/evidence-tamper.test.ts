/**
 * The sealed manifest cannot be changed through the database: the trigger refuses an UPDATE even from the table's
 * owner; and a superuser who disables the trigger to change it (with or without recomputing the row's hash) is
 * caught by `evidence verify`, because the hash also sits in the keyed audit chain.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { manifestHash } from '@/lib/evidence/canonical-json';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { verifyEvidence } from '@/lib/evidence/verify-evidence';
import { fileServer, sealableCase, servedImage, type FileServer } from './evidence-fixtures';
import { systemActor } from './support/fixtures';

vi.mock('@/lib/cases/request-copy-search', () => ({ requestCopySearch: vi.fn(async () => ({ instances: 0 })) }));

let server: FileServer;
let server404: FileServer;
let owner: pg.Client;
beforeAll(async () => {
  server = await fileServer(await servedImage());
  server404 = await fileServer(Buffer.alloc(0));
  owner = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await server.close();
  await server404.close();
});

const sys = { ctx: { actor: systemActor } };

async function sealed() {
  const s = await sealableCase(server, server404);
  const { evidenceId } = await sealEvidence({ ...sys, input: { caseId: s.caseId, reason: 'tamper test' } });
  return { ...s, evidenceId };
}

/** The superuser's way around the trigger, then the trigger back on. */
async function forceUpdate(sql: string, params: unknown[]): Promise<void> {
  await owner.query('alter table "Evidence" disable trigger evidence_manifest_no_update');
  try {
    await owner.query(sql, params);
  } finally {
    await owner.query('alter table "Evidence" enable trigger evidence_manifest_no_update');
  }
}

describe('evidence manifest tampering', () => {
  it('the trigger refuses UPDATE of the manifest, its hash and its copies, from the app role and the owner alike', async () => {
    const s = await sealed();
    await expect(db.$executeRaw`update "Evidence" set "manifestSha256" = ${'0'.repeat(64)} where id = ${s.evidenceId}::uuid`).rejects.toThrow(/sealed/);
    await expect(owner.query(`update "Evidence" set manifest = jsonb_set(manifest, '{reason}', '"edited"') where id = $1`, [s.evidenceId])).rejects.toThrow(/sealed/);
    await expect(owner.query(`update "Evidence" set "copyIds" = '{}' where id = $1`, [s.evidenceId])).rejects.toThrow(/sealed/);
    // Retention and hold stay changeable (that is what the admin verbs do).
    await owner.query(`update "Evidence" set "legalHold" = true where id = $1`, [s.evidenceId]);
    expect((await verifyEvidence({ ...sys, input: { caseId: s.caseId } })).ok).toBe(true);
  });

  it('a manifest changed with the trigger disabled fails verify, even with the row hash recomputed', async () => {
    const s = await sealed();
    await forceUpdate(`update "Evidence" set manifest = jsonb_set(manifest, '{items,3,sha256}', to_jsonb($2::text)) where id = $1`, [s.evidenceId, 'a'.repeat(64)]);
    const first = await verifyEvidence({ ...sys, input: { caseId: s.caseId } });
    expect(first.ok).toBe(false);
    expect(first.seals[0].manifestOk).toBe(false);
    expect(first.seals[0].problems?.join(' ')).toMatch(/not the sealed/);
    // The forger also rewrites the row's hash to match: the audit event still holds the sealed one.
    const row = await db.evidence.findUniqueOrThrow({ where: { id: s.evidenceId } });
    await forceUpdate(`update "Evidence" set "manifestSha256" = $2 where id = $1`, [s.evidenceId, manifestHash(row.manifest)]);
    const second = await verifyEvidence({ ...sys, input: { caseId: s.caseId } });
    expect(second.ok).toBe(false);
    expect(second.seals[0].problems?.join(' ')).toMatch(/audit event #\d+ records another manifest hash/);
    expect(second.chain).toEqual({ ok: true, problem: null });
  });
});
