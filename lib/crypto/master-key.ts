/**
 * The one root secret, and purpose-bound subkeys derived from it.
 *
 * With APP_SECRET set (multi-machine deployments, where every process must agree), the key is derived from it.
 * Without it, a random key is created once in `<DATA_DIR>/secret.key` (mode 0600) so a single-machine install
 * needs no configuration. Losing that file makes every sealed token and stored media file unreadable, so we
 * never overwrite it: creation uses O_EXCL, and a process that loses the race reads the winner's key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir, env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** 'audit' keys the audit chain's MACs: whoever holds only the database cannot forge rows, head or checkpoints. */
export type KeyPurpose = 'tokens' | 'media' | 'session' | 'audit' | 'evidence';

const KEY_FILE = 'secret.key';
const KEY_HEX = /^[0-9a-f]{64}$/;
// Fixed labels: changing them changes every key, so they are versioned rather than edited.
const APP_SECRET_SALT = 'fedimod.app-secret.v1';
const MASTER_INFO = 'fedimod master key v1';

let masterPromise: Promise<Buffer> | null = null;
const subkeys = new Map<KeyPurpose, Promise<Buffer>>();

function hkdf(ikm: Buffer, salt: string, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', ikm, Buffer.from(salt, 'utf8'), Buffer.from(info, 'utf8'), 32));
}

async function readKeyFile(file: string): Promise<Buffer> {
  // A racing creator may have opened the file but not written it yet: wait briefly for a complete key.
  for (let attempt = 0; attempt < 50; attempt++) {
    const text = (await fs.readFile(file, 'utf8')).trim();
    if (KEY_HEX.test(text)) {
      const stat = await fs.stat(file);
      if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600); // tighten a copy restored with loose modes
      return Buffer.from(text, 'hex');
    }
    if (text.length >= 64) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new AppError('internal', `master key file ${file} is not 64 hex characters; refusing to replace it`);
}

/** Reads the key file, creating it first if it does not exist. Exported for tests of concurrent creation. */
export async function loadOrCreateKeyFile(dir: string): Promise<Buffer> {
  const file = path.join(dir, KEY_FILE);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx', 0o600);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'EEXIST') return readKeyFile(file);
    throw e;
  }
  try {
    await handle.writeFile(`${key.toString('hex')}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return key;
}

async function loadMasterKey(): Promise<Buffer> {
  const secret = env().APP_SECRET;
  if (secret) return hkdf(Buffer.from(secret, 'utf8'), APP_SECRET_SALT, MASTER_INFO);
  return loadOrCreateKeyFile(dataDir());
}

export function getMasterKey(): Promise<Buffer> {
  masterPromise ??= loadMasterKey().catch((e: unknown) => {
    masterPromise = null; // a transient failure (disk) should not poison the process forever
    throw e;
  });
  return masterPromise;
}

/** A separate 32-byte key per use, so a key leaked from one purpose (e.g. session signing) opens nothing else. */
export function deriveKey(purpose: KeyPurpose): Promise<Buffer> {
  let subkey = subkeys.get(purpose);
  if (!subkey) {
    subkey = getMasterKey().then((master) => hkdf(master, '', `fedimod:${purpose}:v1`));
    subkey.catch(() => subkeys.delete(purpose));
    subkeys.set(purpose, subkey);
  }
  return subkey;
}

/** For tests that switch DATA_DIR or APP_SECRET between cases. */
export function resetMasterKeyCache(): void {
  masterPromise = null;
  subkeys.clear();
}
