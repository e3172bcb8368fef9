import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import { hashToken } from '@/lib/auth/tokens';
import type { Role } from '@/lib/generated/prisma/enums';

export interface OpenInvite {
  id: string;
  email: string;
  role: Role;
  instanceIds: string[];
  expiresAt: Date;
}

/**
 * An invite that can still be accepted, or null (unknown, used, revoked or expired: the page says the same
 * thing for all of them). Lookup by the token's hash, which is unique and indexed.
 */
export async function findInvite(token: string, tx: Tx = db): Promise<OpenInvite | null> {
  if (!token || token.length > 200) return null;
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) return null;
  return { id: invite.id, email: invite.email, role: invite.role, instanceIds: invite.instanceIds, expiresAt: invite.expiresAt };
}
