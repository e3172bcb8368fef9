/** Shared helpers for the auth-* tests: make accounts directly and turn them into actors. */
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/audit/actor';
import type { Role } from '@/lib/generated/prisma/enums';

export const PASSWORD = 'correct horse battery staple';

let cachedHash: Promise<string> | null = null;

export async function makeUser(email: string, role: Role, opts: { disabled?: boolean } = {}) {
  cachedHash ??= hashPassword(PASSWORD); // scrypt is deliberately slow; one hash serves every fixture
  return db.user.create({ data: { email, role, passwordHash: await cachedHash, disabledAt: opts.disabled ? new Date() : null } });
}

export function actorOf(user: { id: string; email: string; role: Role }, instanceIds: string[] | null = null): Actor {
  return { type: 'user', id: user.id, email: user.email, role: user.role, instanceIds, ip: '203.0.113.9' };
}

export const SYSTEM: Actor = { type: 'system', label: 'test' };

export async function makeInstance(name: string) {
  return db.instance.create({ data: { name, kind: 'mastodon', baseUrl: `https://${name}.example`, domain: `${name}.example`, tokenSealed: 'x', webhookSecretSealed: 'x' } });
}

export async function auditActions(): Promise<string[]> {
  return (await db.auditEvent.findMany({ orderBy: { seq: 'asc' }, select: { action: true } })).map((r) => r.action);
}
