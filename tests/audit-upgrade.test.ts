/**
 * Upgrading a log written before the audit key: legacy (SHA-256) rows stay valid, the migration starts an
 * unsigned head at their end, the first keyed append signs it, and legacy-style rows are refused from then on.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';
import { GENESIS_HASH, hashEvent, type ChainFields } from '@/lib/audit/chain';
import { grantAppRole } from '@/lib/db/app-role';
import { applyMigrations } from '@/lib/db/migrate';
import { readMigrationDirs } from '@/lib/db/migration-files';

const MINE = '20261201100100_audit_hardening';
const name = `u_${crypto.randomBytes(6).toString('hex')}`;
const ownerUrl = new URL(env().DATABASE_OWNER_URL!);
const appUrl = new URL(env().DATABASE_URL!);
ownerUrl.pathname = `/${name}`;
appUrl.pathname = `/${name}`;
let owner: pg.Client;

function legacyRow(seq: number, prevHash: string): ChainFields & { hash: string } {
  const f: ChainFields = { seq, at: new Date(1_750_000_000_000 + seq), actorType: 'system', actorId: null, actorLabel: 'system:old', action: 'old.event', targetType: null, targetId: null, instanceId: null, details: { seq }, ip: null, prevHash };
  return { ...f, hash: hashEvent(f) };
}

async function insertLegacy(r: ChainFields & { hash: string }): Promise<void> {
  await owner.query(
    `insert into "AuditEvent" (seq, at, "actorType", "actorLabel", action, details, "prevHash", hash) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [String(r.seq), r.at, r.actorType, r.actorLabel, r.action, JSON.stringify(r.details), r.prevHash, r.hash],
  );
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.query(`grant connect, create on database ${name} to ${admin.escapeIdentifier(decodeURIComponent(appUrl.username))}`);
  await admin.end();
  // The schema as it was before this change, with three events in it.
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
  for (const m of readMigrationDirs(path.join(process.cwd(), 'prisma/migrations')).filter((m) => m.name < MINE)) {
    fs.mkdirSync(path.join(before, m.name));
    fs.writeFileSync(path.join(before, m.name, 'migration.sql'), m.sql);
  }
  await applyMigrations(ownerUrl.toString(), before);
  fs.rmSync(before, { recursive: true, force: true });
  owner = new pg.Client({ connectionString: ownerUrl.toString() });
  await owner.connect();
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq++) {
    const r = legacyRow(seq, prev);
    await insertLegacy(r);
    prev = r.hash;
  }
  // The upgrade, then the app on the upgraded database as its own role.
  await applyMigrations(ownerUrl.toString());
  await grantAppRole(ownerUrl.toString(), decodeURIComponent(appUrl.username));
  process.env.DATABASE_URL = appUrl.toString();
  resetEnvCache();
});

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/db');
  await disconnectDb();
  await owner.end();
  const admin = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('upgrading a legacy audit log', () => {
  it('keeps legacy rows valid, signs the head at the first keyed append, and refuses legacy rows after it', async () => {
    const { db } = await import('@/lib/db');
    const { recordEvent } = await import('@/lib/audit/record-event');
    const { verifyAuditChain } = await import('@/lib/audit/verify-chain');
    expect(await db.auditHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ count: BigInt(3), lastSeq: BigInt(3), mac: null });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 3, notes: [expect.stringMatching(/not signed yet/)] });

    await db.$transaction((tx) => recordEvent(tx, { actor: { type: 'system', label: 'test' }, action: 'new.event' }));
    const rows = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.chainVersion)).toEqual([1, 1, 1, 2]);
    expect(rows[3].prevHash).toBe(rows[2].hash);
    const verified = await verifyAuditChain();
    expect(verified).toMatchObject({ ok: true, checked: 4 });
    expect(verified.notes).toBeUndefined();

    await owner.query('set session_replication_role = replica');
    await insertLegacy(legacyRow(5, rows[3].hash));
    await owner.query(`update "AuditHead" set count = 5, "lastSeq" = 5, "lastHash" = (select hash from "AuditEvent" where seq = 5), mac = null`);
    await owner.query('set session_replication_role = origin');
    expect((await verifyAuditChain()).firstBroken?.seq).toBe('5');
  });
});
