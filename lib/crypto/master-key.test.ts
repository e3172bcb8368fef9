import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { deriveKey, getMasterKey, loadOrCreateKeyFile, resetMasterKeyCache } from './master-key';

let dir: string;
const saved = { DATA_DIR: process.env.DATA_DIR, APP_SECRET: process.env.APP_SECRET };

function setEnv(vars: { DATA_DIR?: string; APP_SECRET?: string }): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  resetMasterKeyCache();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'master-key-'));
  setEnv({ DATA_DIR: path.join(dir, 'data'), APP_SECRET: undefined });
});

afterEach(() => {
  setEnv(saved);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('getMasterKey without APP_SECRET', () => {
  it('creates <DATA_DIR>/secret.key with mode 0600 in a 0700 directory, then reuses it', async () => {
    const key = await getMasterKey();
    expect(key.length).toBe(32);
    const file = path.join(dir, 'data', 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));

    resetMasterKeyCache();
    expect((await getMasterKey()).equals(key)).toBe(true);
  });

  it('lets concurrent creators agree on one key', async () => {
    const target = path.join(dir, 'race');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(target)));
    for (const k of keys) expect(k.equals(keys[0])).toBe(true);
  });

  it('refuses to replace a corrupt key file', async () => {
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'data', 'secret.key'), 'z'.repeat(64));
    await expect(getMasterKey()).rejects.toThrow(/refusing to replace/);
    expect(fs.readFileSync(path.join(dir, 'data', 'secret.key'), 'utf8')).toBe('z'.repeat(64));
  });
});

describe('getMasterKey with APP_SECRET', () => {
  it('derives a deterministic key and writes no file', async () => {
    setEnv({ APP_SECRET: 'a'.repeat(40) });
    const first = await getMasterKey();
    resetMasterKeyCache();
    const second = await getMasterKey();
    expect(first.equals(second)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'data', 'secret.key'))).toBe(false);

    setEnv({ APP_SECRET: 'b'.repeat(40) });
    expect((await getMasterKey()).equals(first)).toBe(false);
  });
});

describe('deriveKey', () => {
  it('gives distinct 32-byte subkeys per purpose, stable across calls', async () => {
    setEnv({ APP_SECRET: 'c'.repeat(40) });
    const [tokens, media, session] = await Promise.all([deriveKey('tokens'), deriveKey('media'), deriveKey('session')]);
    expect(tokens.length).toBe(32);
    expect(tokens.equals(media) || tokens.equals(session) || media.equals(session)).toBe(false);
    expect(tokens.equals(await getMasterKey())).toBe(false);
    resetMasterKeyCache();
    expect((await deriveKey('tokens')).equals(tokens)).toBe(true);
  });
});
