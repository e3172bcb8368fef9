/**
 * Per test file: a fresh database cloned from the migrated template, set as DATABASE_URL before any
 * test imports lib/db (the Prisma client is created lazily on first use).
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const adminUrl = inject('adminDatabaseUrl');
const name = `t_${crypto.randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template fedimod_template`);
await admin.end();

const u = new URL(adminUrl);
u.pathname = `/${name}`;
process.env.DATABASE_URL = u.toString();
process.env.DATA_DIR = process.env.DATA_DIR ?? `${process.cwd()}/.data/test-files/${name}`;
process.env.APP_SECRET = process.env.APP_SECRET ?? 'test-secret-test-secret-test-secret-0123456789';

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/db');
  await disconnectDb();
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
});
