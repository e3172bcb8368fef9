/**
 * Per test file: a fresh database cloned from the migrated template, set as DATABASE_URL before any
 * test imports lib/db (the Prisma client is created lazily on first use). The app connects as the test app
 * role (the template carries its grants); DATABASE_OWNER_URL is the superuser, for tests that attack.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const adminUrl = inject('adminDatabaseUrl');
const appRole = inject('appRole');
const name = `t_${crypto.randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template fedimod_template`);
// Database-level grants are not copied from the template; pg-boss needs CREATE to make its schema.
await admin.query(`grant connect, create on database ${name} to ${appRole.name}`);
await admin.end();

const u = new URL(adminUrl);
u.pathname = `/${name}`;
process.env.DATABASE_OWNER_URL = u.toString();
u.username = appRole.name;
u.password = appRole.password;
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
