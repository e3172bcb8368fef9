/** Helpers for the hash-bank tests. Hashes are random synthetic hex, never hashes of real material. */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { userActor } from './support/fixtures';

export const admin = userActor('admin');
export const hex = (bytes: number) => crypto.randomBytes(bytes).toString('hex');

let n = 0;
export const uniqueName = (prefix: string) => `${prefix}-${++n}-${hex(3)}`;

export async function auditOf(action: string) {
  return db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
}

export async function changesOf(bankId: string) {
  return db.bankChange.findMany({ where: { bankId }, orderBy: { seq: 'asc' } });
}

/** An instance and one hashed media item on it, written directly (the instance secrets are placeholders). */
export async function seedMedia(opts: { quality?: number } = {}) {
  const instance = await db.instance.create({
    data: { name: uniqueName('inst'), kind: 'mastodon', baseUrl: `https://${uniqueName('i')}.example`, domain: 'i.example', tokenSealed: 'sealed', webhookSecretSealed: 'sealed' },
  });
  const media = await db.media.create({
    data: {
      instanceId: instance.id, remoteId: uniqueName('m'), type: 'image', url: 'https://i.example/m.png', state: 'done',
      pdqHash: hex(32), pdqQuality: opts.quality ?? 80, md5: hex(16), sha256: hex(32),
    },
  });
  return { instance, media };
}
