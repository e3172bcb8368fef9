/**
 * The login role the app uses on the embedded PostgreSQL (the embedded superuser only runs migrations).
 * Its password is generated once and kept next to the superuser's, mode 0600.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/lib/env';
import { ensureLoginRole } from './app-role';

export const EMBEDDED_APP_ROLE = 'fedimod_app';

function appPasswordFile(): string {
  return path.join(dataDir(), 'pg-app-password');
}

export function hasEmbeddedAppRole(): boolean {
  return fs.existsSync(appPasswordFile());
}

function readOrCreateAppPassword(): string {
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o711 });
  try {
    fs.writeFileSync(appPasswordFile(), crypto.randomBytes(24).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
  }
  return fs.readFileSync(appPasswordFile(), 'utf8').trim();
}

export function embeddedAppUrl(): string {
  return `postgresql://${EMBEDDED_APP_ROLE}:${readOrCreateAppPassword()}@127.0.0.1:${env().EMBEDDED_PG_PORT}/fedimod`;
}

export async function ensureEmbeddedAppRole(ownerUrl: string): Promise<string> {
  await ensureLoginRole(ownerUrl, EMBEDDED_APP_ROLE, readOrCreateAppPassword());
  return embeddedAppUrl();
}
