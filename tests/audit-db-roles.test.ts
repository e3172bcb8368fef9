/**
 * The app's database role (lib/db/app-role.ts, lib/db/prepare-database.ts): migrations and grants as the owner,
 * the app as a role that can only append to the audit log. The rest of the suite runs as that role too.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';
import { grantAppRole } from '@/lib/db/app-role';
import { prepareDatabase } from '@/lib/db/prepare-database';

const ownerUrl = env().DATABASE_OWNER_URL!;
const appUrl = env().DATABASE_URL!;
const appRole = decodeURIComponent(new URL(appUrl).username);
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerUrl });
  app = new pg.Client({ connectionString: appUrl });
  await owner.connect();
  await app.connect();
});
afterAll(async () => {
  await owner.end();
  await app.end();
});

async function privileges(table: string): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const p of ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) {
    const r = await owner.query<{ ok: boolean }>('select has_table_privilege($1, $2, $3) as ok', [appRole, `public."${table}"`, p]);
    out[p] = r.rows[0].ok;
  }
  return out;
}

describe('app role grants', () => {
  it('append-only on the audit tables, ordinary access elsewhere, nothing that bypasses the rules', async () => {
    expect(await privileges('AuditEvent')).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false });
    expect(await privileges('AuditCheckpoint')).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false });
    expect(await privileges('AuditHead')).toEqual({ SELECT: true, INSERT: false, UPDATE: true, DELETE: false, TRUNCATE: false });
    expect(await privileges('Report')).toEqual({ SELECT: true, INSERT: true, UPDATE: true, DELETE: true, TRUNCATE: false });
    const role = await owner.query('select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = $1', [appRole]);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    await expect(app.query('create table public.sneaky (id int)')).rejects.toThrow(/permission denied/);
  });

  it('covers tables that later migrations add, by default privileges and by re-granting', async () => {
    await owner.query('create table "LaterTable" (id int)');
    await app.query('insert into "LaterTable" values (1)');
    await owner.query('revoke all on "LaterTable" from public');
    await owner.query(`revoke all on "LaterTable" from ${owner.escapeIdentifier(appRole)}`);
    await expect(app.query('select * from "LaterTable"')).rejects.toThrow(/permission denied/);
    await grantAppRole(ownerUrl, appRole);
    expect((await app.query('select count(*)::int as n from "LaterTable"')).rows[0]).toEqual({ n: 1 });
  });

  it('hands a pgboss schema made by the owner over to the app role, so pg-boss can start and add queues', async () => {
    // An install from before this change: pg-boss created its schema and a queue as the owner.
    await owner.query('drop schema if exists pgboss cascade');
    const asOwner = new PgBoss({ connectionString: ownerUrl, supervise: false, schedule: false });
    asOwner.on('error', () => {});
    await asOwner.start();
    await asOwner.createQueue('old-queue');
    await asOwner.stop({ graceful: false, wait: true });
    const asApp = new PgBoss({ connectionString: appUrl, supervise: false, schedule: false });
    asApp.on('error', () => {});
    await expect(asApp.start().then(() => asApp.createQueue('new-queue'))).rejects.toThrow(/permission denied|must be owner/);
    await asApp.stop({ graceful: false, wait: true }).catch(() => {});

    await grantAppRole(ownerUrl, appRole);
    const after = new PgBoss({ connectionString: appUrl, supervise: false, schedule: false });
    after.on('error', () => {});
    await after.start();
    await after.createQueue('new-queue');
    expect(await after.send('new-queue', { n: 1 })).toEqual(expect.any(String));
    expect(await after.send('old-queue', { n: 2 })).toEqual(expect.any(String));
    await after.stop({ graceful: false, wait: true });
    await owner.query('drop schema pgboss cascade');
  });
});

describe('prepareDatabase', () => {
  const saved = { url: process.env.DATABASE_URL, owner: process.env.DATABASE_OWNER_URL };
  afterAll(() => {
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_OWNER_URL = saved.owner;
    resetEnvCache();
  });

  it('with DATABASE_OWNER_URL: migrates and grants as the owner, runs as DATABASE_URL, no warning', async () => {
    const logs: string[] = [];
    const db = await prepareDatabase((m) => logs.push(m));
    expect(db).toMatchObject({ url: appUrl, ownerUrl, applied: [] });
    expect(logs).toEqual([]);
  });

  it('without DATABASE_OWNER_URL: keeps working as the one role and warns once', async () => {
    process.env.DATABASE_URL = ownerUrl;
    delete process.env.DATABASE_OWNER_URL;
    resetEnvCache();
    const logs: string[] = [];
    const db = await prepareDatabase((m) => logs.push(m));
    expect(db.url).toBe(ownerUrl);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/WARNING: DATABASE_OWNER_URL is not set.*rewrite its own audit log/);
  });
});
