/**
 * One test per way of rewriting the audit log (issue 8, point 3). The attacker is the database superuser
 * (DATABASE_OWNER_URL in tests) without the audit key; the app connects as its own role (DATABASE_URL).
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { GENESIS_HASH, hashEvent, macEvent, type ChainFields } from '@/lib/audit/chain';
import { createCheckpoint } from '@/lib/audit/create-checkpoint';
import { recordEvent } from '@/lib/audit/record-event';
import { verifyAuditChain } from '@/lib/audit/verify-chain';

const actor = { type: 'system' as const, label: 'test' };
let owner: pg.Client;

async function record(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await db.$transaction((tx) => recordEvent(tx, { actor, action: 'test.event', details: { i } }));
}

/** Runs SQL as the superuser with every trigger off, as an attacker would. */
async function asSuperuser(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  await owner.query('set session_replication_role = replica');
  try {
    return await owner.query(sql, params);
  } finally {
    await owner.query('set session_replication_role = origin');
  }
}

interface Row extends ChainFields { hash: string }
async function rows(): Promise<Row[]> {
  return db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
}

/** Inserts a row with exactly the columns the app writes (seq, content, links, version). */
async function insertRow(f: ChainFields, hash: string, version: number): Promise<void> {
  await asSuperuser(
    `insert into "AuditEvent" (seq, at, "actorType", "actorId", "actorLabel", action, "targetType", "targetId", "instanceId", details, ip, "prevHash", hash, "chainVersion")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [String(f.seq), f.at, f.actorType, f.actorId, f.actorLabel, f.action, f.targetType, f.targetId, f.instanceId, JSON.stringify(f.details), f.ip, f.prevHash, hash, version],
  );
}

function forged(seq: bigint, prevHash: string, action = 'user.role.changed'): ChainFields {
  return { seq, at: new Date(), actorType: 'system', actorId: null, actorLabel: 'system:cli', action, targetType: null, targetId: null, instanceId: null, details: { forged: true }, ip: null, prevHash };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: env().DATABASE_OWNER_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
});
beforeEach(async () => {
  // A fresh log per test: the superuser empties it and resets the head to the migration's unsigned state.
  await asSuperuser('delete from "AuditEvent"');
  await asSuperuser('delete from "AuditCheckpoint"');
  await asSuperuser(`update "AuditHead" set count = 0, "lastSeq" = 0, "lastHash" = $1, mac = null`, [GENESIS_HASH]);
  await record(6);
  expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 6 });
});

describe('audit log tampering by a database superuser without the audit key', () => {
  it('deleting the newest rows is detected by the signed head, and appends stop', async () => {
    await asSuperuser('delete from "AuditEvent" where seq > 4');
    const out = await verifyAuditChain();
    expect(out.ok).toBe(false);
    expect(out.firstBroken?.reason).toMatch(/signed head says #6/);
    // The next ordinary event must not re-sign (launder) the shortened log.
    await expect(record(1)).rejects.toThrow(/refused an append/);
  });

  it('TRUNCATE is refused by a trigger, even for the superuser', async () => {
    await expect(owner.query('truncate "AuditEvent"')).rejects.toThrow(/TRUNCATE is refused/);
    expect(await db.auditEvent.count()).toBe(6);
  });

  it('TRUNCATE with the trigger disabled, and a rewrite after it, are detected', async () => {
    await owner.query('alter table "AuditEvent" disable trigger audit_event_no_truncate');
    await owner.query('truncate "AuditEvent"');
    await owner.query('alter table "AuditEvent" enable trigger audit_event_no_truncate');
    expect((await verifyAuditChain()).firstBroken?.reason).toMatch(/ends at #0 with 0 events but the signed head says #6/);
    // A rewritten history, correctly chained with plain SHA-256 up to the head's count, still fails the head's MAC.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 6; seq++) {
      const f = forged(BigInt(seq), prev, 'test.event');
      prev = hashEvent(f);
      await insertRow(f, prev, 1);
    }
    await asSuperuser(`update "AuditHead" set "lastHash" = $1`, [prev]);
    expect((await verifyAuditChain()).ok).toBe(false);
  });

  it('an INSERT of a correctly SHA-256-chained forged row is detected', async () => {
    const last = (await rows()).at(-1)!;
    const f = forged(last.seq as bigint + BigInt(1), last.hash);
    await insertRow(f, hashEvent(f), 1);
    const out = await verifyAuditChain();
    expect(out).toMatchObject({ ok: false, firstBroken: { seq: '7', reason: expect.stringMatching(/unkeyed/) } });
  });

  it('an INSERT of a forged keyed row with a guessed key is detected, even with the head moved to it', async () => {
    const last = (await rows()).at(-1)!;
    const f = forged(last.seq as bigint + BigInt(1), last.hash);
    const hash = macEvent(f, crypto.randomBytes(32));
    await insertRow(f, hash, 2);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBroken: { seq: '7', reason: expect.stringMatching(/MAC/) } });
    await asSuperuser(`update "AuditHead" set count = 7, "lastSeq" = 7, "lastHash" = $1`, [hash]);
    expect((await verifyAuditChain()).ok).toBe(false);
  });

  for (const scheme of ['sha256', 'wrong key'] as const) {
    it(`a rewrite of one row with all later rows re-hashed (${scheme}) is detected`, async () => {
      const all = await rows();
      const guess = crypto.randomBytes(32);
      let prev = all[1].hash;
      await asSuperuser('delete from "AuditEvent" where seq >= 3');
      for (const r of all.slice(2)) {
        const f: ChainFields = { ...r, prevHash: prev, action: r.seq === BigInt(3) ? 'evil.rewrite' : r.action };
        prev = scheme === 'sha256' ? hashEvent(f) : macEvent(f, guess);
        await insertRow(f, prev, scheme === 'sha256' ? 1 : 2);
      }
      await asSuperuser(`update "AuditHead" set "lastHash" = $1`, [prev]);
      const out = await verifyAuditChain();
      expect(out.ok).toBe(false);
      expect(out.firstBroken?.seq).toBe('3');
    });
  }

  it('a head rolled back to an older, validly signed value is detected against an exported checkpoint', async () => {
    const oldHead = (await owner.query('select * from "AuditHead"')).rows[0] as Record<string, unknown>;
    await record(3);
    const checkpoint = await createCheckpoint();
    expect(checkpoint).toMatchObject({ count: BigInt(9), lastSeq: BigInt(9) });
    // Roll back: drop the newest rows and restore the head as it was at #6.
    await asSuperuser('delete from "AuditEvent" where seq > 6');
    await asSuperuser(`update "AuditHead" set count = $1, "lastSeq" = $2, "lastHash" = $3, "updatedAt" = $4, mac = $5`, [oldHead.count, oldHead.lastSeq, oldHead.lastHash, oldHead.updatedAt, oldHead.mac]);
    // Without outside help the rollback is consistent (the README says so) ...
    expect((await verifyAuditChain()).ok).toBe(true);
    // ... but the checkpoint kept elsewhere shows it.
    const out = await verifyAuditChain({ checkpoints: [checkpoint] });
    expect(out).toMatchObject({ ok: false, firstBroken: { seq: '9', reason: expect.stringMatching(/checkpoint .* reached #9/) } });
  });

  it('a checkpoint whose row was rewritten, or that was edited, is refused', async () => {
    const checkpoint = await createCheckpoint();
    expect((await verifyAuditChain({ checkpoints: [checkpoint] })).ok).toBe(true);
    expect((await verifyAuditChain({ checkpoints: [{ ...checkpoint, lastSeq: BigInt(5) }] })).firstBroken?.reason).toMatch(/checkpoint’s MAC is wrong/);
    const all = await rows();
    const f: ChainFields = { ...all[5], action: 'evil' };
    await asSuperuser('delete from "AuditEvent" where seq = 6');
    await insertRow(f, macEvent(f, crypto.randomBytes(32)), 2);
    expect((await verifyAuditChain({ checkpoints: [checkpoint] })).ok).toBe(false);
  });
});

describe('the app role', () => {
  it('cannot UPDATE, DELETE or TRUNCATE the audit log, the checkpoints, or delete the head', async () => {
    await expect(db.$executeRawUnsafe(`update "AuditEvent" set action = 'evil' where seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('delete from "AuditEvent" where seq = 6')).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('truncate "AuditEvent"')).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('delete from "AuditCheckpoint"')).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('delete from "AuditHead"')).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('alter table "AuditEvent" disable trigger audit_event_no_update')).rejects.toThrow(/must be owner/);
    const role = await db.$queryRawUnsafe<{ rolsuper: boolean }[]>('select rolsuper from pg_roles where rolname = current_user');
    expect(role[0].rolsuper).toBe(false);
    expect(await db.auditEvent.count()).toBe(6);
  });
});
